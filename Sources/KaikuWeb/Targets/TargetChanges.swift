import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Adding and changing single targets, shared by the JSON API and the
/// editor pages: administrators only, and only with units of their own
/// subtree. Problems come out as one `TargetRefusal` listing them all.
enum TargetChanges {
    static func requireAdministrator(_ scope: StaffScope) throws {
        guard scope.staff.role == .administrator else {
            throw Abort(.forbidden, reason: "Only administrators add and change feedback targets.")
        }
    }

    /// The target with `code` if the caller administers its unit; 404 otherwise,
    /// so that nobody learns of targets outside their part of the organisation.
    static func editable(code: String, scope: StaffScope, on database: any Database) async throws -> Target {
        guard PlainIdentifier.isPlain(code, maxLength: TargetFields.maxCodeLength),
              let target = try await Target.query(on: database).filter(\.$code == code).first(),
              target.organisationID == scope.staff.organisationID, scope.canSee(unit: target.unitID) else {
            throw Abort(.notFound, reason: "No feedback target with code \(code) in your part of the organisation.")
        }
        return target
    }

    static func fields(of target: Target, scope: StaffScope) -> TargetFields {
        TargetFields(code: target.code, unit: scope.units[target.unitID]?.code ?? "", name: target.name,
                     keywords: target.keywords, active: target.active)
    }

    static func create(_ fields: TargetFields, scope: StaffScope, request: Request) async throws -> Target {
        try requireAdministrator(scope)
        let fields = fields.normalised
        let unit = try check(fields, scope: scope)
        let taken = TargetRefusal(status: .conflict, problems: [.init(field: "code", key: "codeTaken",
            message: "The code \(fields.code) is in use already; target codes are unique across the installation.")])
        do {
            let exists = { try await Target.query(on: request.db).filter(\.$code == fields.code).first() != nil }
            let target = try await UniqueConflict.guarding(field: "code", message: taken.fieldError.message, exists: exists) {
                try await TargetEditor.create(fields, unit: unit, actor: scope.staff.auditActor, at: request.kaiku.clock.now, on: request.db)
            }
            await request.kaiku.targetCache.removeAll()
            return target
        } catch TargetEditor.Failure.codeTaken {
            throw taken
        } catch let error as FieldError where error.status == .conflict {
            throw taken
        }
    }

    static func update(_ target: Target, to fields: TargetFields, scope: StaffScope, request: Request) async throws {
        try requireAdministrator(scope)
        var fields = fields.normalised
        fields.code = target.code
        let unit = try check(fields, scope: scope, movingFrom: target.unitID)
        let changed = try await TargetEditor.update(target, to: fields, unit: unit, previousUnitCode: scope.units[target.unitID]?.code ?? "",
                                                    actor: scope.staff.auditActor, at: request.kaiku.clock.now, on: request.db)
        if changed { await request.kaiku.targetCache.removeAll() }
    }

    /// Every problem with the fields, or the unit they name.
    private static func check(_ fields: TargetFields, scope: StaffScope, movingFrom current: UUID? = nil) throws -> OrgUnit {
        var problems = fields.problems.filter { $0.field != "unit" }.map { problem in
            TargetRefusal.Problem(field: problem.field, key: problem.field.hasPrefix("name.") ? "name" : problem.field, message: problem.message)
        }
        var found: OrgUnit?
        if PlainIdentifier.isPlain(fields.unit), let unit = scope.unit(code: fields.unit), let unitID = unit.id, scope.canSee(unit: unitID) {
            // A closed unit takes no feedback; a target may stay there (out of reach) but none is put there.
            if unit.closed, unitID != current {
                problems.append(.init(field: "unit", key: "unitClosed",
                                      message: "The unit \(unit.code) is closed; reopen it before giving it feedback targets."))
            }
            found = unit
        } else {
            problems.append(.init(field: "unit", key: "unit", message: "unit must be the code of a unit in your part of the organisation."))
        }
        guard problems.isEmpty, let found else { throw TargetRefusal(problems: problems) }
        return found
    }
}
