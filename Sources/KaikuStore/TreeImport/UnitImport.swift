import FluentKit
import Foundation
import KaikuCore

/// Imports an organisation's tree from a units CSV file: plans against the
/// tree as it is, and applies the plan in one write transaction with an
/// audit entry per change, or nothing at all when any line is refused.
public enum UnitImport {
    /// The organisation's units as the planner compares them.
    public static func current(organisationID: UUID, on database: any Database) async throws -> [UnitState] {
        let units = try await OrgUnit.query(on: database).filter(\.$organisationID == organisationID).all()
        let codes = Dictionary(uniqueKeysWithValues: units.compactMap { unit in unit.id.map { ($0, unit.code) } })
        return units.sorted { $0.code < $1.code }.map { unit in
            UnitState(code: unit.code, parent: unit.parentID.flatMap { codes[$0] }, name: unit.name, oid: unit.oid, closed: unit.closed)
        }
    }

    /// The root the file must name: the organisation's root unit, or the organisation's code when it has none yet.
    static func rootCode(_ current: [UnitState], _ organisation: Organisation) -> String {
        let roots = current.filter { $0.parent == nil }.map(\.code)
        return roots.count == 1 ? roots[0] : roots.contains(organisation.code) || roots.isEmpty ? organisation.code : roots.sorted()[0]
    }

    /// Plans `text` and, unless `dryRun`, applies it. With `expecting` (the
    /// fingerprint of a plan someone previewed) nothing is applied when
    /// the plan has become another, so that what is applied is always
    /// exactly what was shown; the new plan is returned with `applied` false.
    public static func run(
        _ text: String, organisation: Organisation, closeMissing: Bool, dryRun: Bool, expecting: String? = nil,
        actor: AuditActor, at now: Date, on database: any Database
    ) async throws -> (plan: UnitImportPlan, applied: Bool) {
        let organisationID = try organisation.requireID()
        if dryRun {
            let current = try await current(organisationID: organisationID, on: database)
            return (UnitImportPlan.plan(text, current: current, rootCode: rootCode(current, organisation), closeMissing: closeMissing), false)
        }
        return try await database.writeTransaction { database in
            let current = try await current(organisationID: organisationID, on: database)
            let plan = UnitImportPlan.plan(text, current: current, rootCode: rootCode(current, organisation), closeMissing: closeMissing)
            guard plan.errors.isEmpty, expecting == nil || expecting == plan.fingerprint else { return (plan, false) }
            try await apply(plan, organisationID: organisationID, actor: actor, at: now, on: database)
            return (plan, true)
        }
    }

    /// Writes a plan without errors. Added units are created first and given
    /// their parents after, as a file may list a child before its parent.
    static func apply(_ plan: UnitImportPlan, organisationID: UUID, actor: AuditActor, at now: Date, on database: any Database) async throws {
        // Reports read subtree totals, which a moved unit takes along: the tree is locked before it is read.
        try await SubtreeRollups.lockTree(of: organisationID, on: database.sql)
        var byCode = Dictionary(try await OrgUnit.query(on: database).filter(\.$organisationID == organisationID).all().map { ($0.code, $0) },
                                uniquingKeysWith: { first, _ in first })
        let before = OrgTree(byCode.values.map { (id: $0.id!, parent: $0.parentID) })
        for change in plan.changes where change.before == nil {
            let unit = OrgUnit(organisationID: organisationID, code: change.after.code, parentID: nil, name: change.after.name)
            unit.oid = change.after.oid
            unit.closed = change.after.closed
            try await unit.create(on: database)
            byCode[unit.code] = unit
        }
        for change in plan.changes {
            guard let unit = byCode[change.after.code] else { continue }
            unit.nameFi = change.after.name.fi
            unit.nameSv = change.after.name.sv
            unit.nameEn = change.after.name.en
            unit.oid = change.after.oid
            unit.closed = change.after.closed
            unit.parentID = change.after.parent.flatMap { byCode[$0]?.id }
            if unit.hasChanges { try await unit.update(on: database) }
            for kind in change.kinds {
                try await AuditTrail.record(on: database, organisationID: organisationID, at: now, actor: actor,
                                            action: "unit.\(kind.rawValue)", subject: change.after.code,
                                            before: change.before, after: change.after)
            }
        }
        let moved = before.subtreesChanged(to: OrgTree(byCode.values.map { (id: $0.id!, parent: $0.parentID) }))
        if !moved.isEmpty { try await SubtreeRollups.rebuild(organisationID: organisationID, units: moved, on: database.sql) }
    }
}
