import FluentKit
import Foundation
import KaikuCore

/// Adds and changes single feedback targets, each change written to the
/// audit log in the same transaction. The caller has checked the fields
/// (`TargetFields.problems`) and that the unit is one the actor may use.
public enum TargetEditor {
    public enum Failure: Error, Equatable {
        /// Codes are unique across the installation: short links carry no organisation.
        case codeTaken
    }

    /// A target as the audit log records it before and after a change.
    public struct Snapshot: Codable, Equatable, Sendable {
        public var code: String
        public var unit: String
        public var name: LocalizedText
        public var keywords: String
        public var active: Bool
    }

    public static func snapshot(_ target: Target, unitCode: String) -> Snapshot {
        Snapshot(code: target.code, unit: unitCode, name: target.name, keywords: target.keywords, active: target.active)
    }

    public static func create(_ fields: TargetFields, unit: OrgUnit, actor: AuditActor, at: Date, on database: any Database) async throws -> Target {
        let unitID = try unit.requireID()
        return try await database.writeTransaction { database in
            if try await Target.query(on: database).filter(\.$code == fields.code).first() != nil { throw Failure.codeTaken }
            let target = Target(organisationID: unit.organisationID, code: fields.code, unitID: unitID, name: fields.name, active: fields.active)
            target.keywords = fields.keywords
            try await target.create(on: database)
            try await AuditTrail.record(on: database, organisationID: unit.organisationID, at: at, actor: actor, action: "target.add",
                                        subject: fields.code, before: Optional<Snapshot>.none, after: snapshot(target, unitCode: unit.code))
            return target
        }
    }

    /// Changes everything but the code (names, unit, keywords, active). A
    /// change that alters nothing writes nothing, the audit log included.
    @discardableResult
    public static func update(_ target: Target, to fields: TargetFields, unit: OrgUnit, previousUnitCode: String,
                              actor: AuditActor, at: Date, on database: any Database) async throws -> Bool {
        let before = snapshot(target, unitCode: previousUnitCode)
        target.unitID = try unit.requireID()
        target.nameFi = fields.name.fi
        target.nameSv = fields.name.sv
        target.nameEn = fields.name.en
        target.keywords = fields.keywords
        target.active = fields.active
        let after = snapshot(target, unitCode: unit.code)
        guard after != before else { return false }
        try await database.writeTransaction { database in
            try await target.save(on: database)
            try await AuditTrail.record(on: database, organisationID: target.organisationID, at: at, actor: actor,
                                        action: "target.update", subject: target.code, before: before, after: after)
        }
        return true
    }
}
