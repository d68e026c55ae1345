import FluentKit
import Foundation
import KaikuCore

/// Imports an organisation's feedback targets from a targets CSV file, all
/// or nothing, with an audit entry per change.
public enum TargetImport {
    public static func current(organisationID: UUID, on database: any Database) async throws -> [TargetState] {
        let units = try await OrgUnit.query(on: database).filter(\.$organisationID == organisationID).all()
        let codes = Dictionary(uniqueKeysWithValues: units.compactMap { unit in unit.id.map { ($0, unit.code) } })
        return try await Target.query(on: database).filter(\.$organisationID == organisationID).sort(\.$code).all().map { target in
            TargetState(code: target.code, unit: codes[target.unitID] ?? "", name: target.name, keywords: target.keywords, active: target.active)
        }
    }

    /// The codes of the organisation's units and of other organisations' targets: what the planner checks against.
    public static func context(organisationID: UUID, on database: any Database) async throws -> (units: Set<String>, takenElsewhere: Set<String>) {
        let units = try await OrgUnit.query(on: database).filter(\.$organisationID == organisationID).all().map(\.code)
        let taken = try await Target.query(on: database).filter(\.$organisationID != organisationID).all().map(\.code)
        return (Set(units), Set(taken))
    }

    public static func run(
        _ text: String, organisation: Organisation, dryRun: Bool, expecting: String? = nil,
        actor: AuditActor, at now: Date, on database: any Database
    ) async throws -> (plan: TargetImportPlan, applied: Bool) {
        let organisationID = try organisation.requireID()
        @Sendable func plan(on database: any Database) async throws -> TargetImportPlan {
            let current = try await current(organisationID: organisationID, on: database)
            let (units, taken) = try await context(organisationID: organisationID, on: database)
            return TargetImportPlan.plan(text, current: current, units: units, takenElsewhere: taken)
        }
        if dryRun { return (try await plan(on: database), false) }
        return try await database.writeTransaction { database in
            let plan = try await plan(on: database)
            guard plan.errors.isEmpty, expecting == nil || expecting == plan.fingerprint else { return (plan, false) }
            for change in plan.changes {
                try await TargetStore.save(change, organisationID: organisationID, actor: actor, at: now, on: database)
            }
            return (plan, true)
        }
    }
}
