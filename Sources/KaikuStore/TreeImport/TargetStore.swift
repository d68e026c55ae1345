import FluentKit
import Foundation
import KaikuCore

/// Writes one feedback target. The CSV import and the single-target editor
/// share it: check the values with `TargetState.problems` (KaikuCore), make
/// the change with `change(to:)`, then `save` it inside the editor's write
/// transaction, so that both record the same audit entries.
public enum TargetStore {
    /// The change that makes the organisation's target `state.code` look like
    /// `state` (an addition when there is none); nil when nothing changes.
    public static func change(to state: TargetState, organisationID: UUID, on database: any Database) async throws -> ImportChange<TargetState>? {
        let current = try await TargetImport.current(organisationID: organisationID, on: database)
        let before = current.first { $0.code == state.code }
        let change = ImportChange(line: nil, before: before, after: state)
        return change.kinds.isEmpty ? nil : change
    }

    /// Applies one change with an audit entry per kind of change (`target.add`, `target.rename`, `target.move`,
    /// `target.close`, `target.reopen`). The target's unit must be one of the organisation's.
    public static func save(_ change: ImportChange<TargetState>, organisationID: UUID, actor: AuditActor, at now: Date,
                            on database: any Database) async throws {
        guard let unit = try await OrgUnit.query(on: database).filter(\.$organisationID == organisationID)
            .filter(\.$code == change.after.unit).first(), let unitID = unit.id else {
            throw TargetStoreError.unknownUnit(change.after.unit)
        }
        let target = try await Target.query(on: database).filter(\.$organisationID == organisationID)
            .filter(\.$code == change.after.code).first()
            ?? Target(organisationID: organisationID, code: change.after.code, unitID: unitID, name: change.after.name)
        target.unitID = unitID
        target.nameFi = change.after.name.fi
        target.nameSv = change.after.name.sv
        target.nameEn = change.after.name.en
        target.keywords = change.after.keywords
        target.active = change.after.active
        try await target.save(on: database)
        for kind in change.kinds {
            try await AuditTrail.record(on: database, organisationID: organisationID, at: now, actor: actor,
                                        action: "target.\(kind.rawValue)", subject: change.after.code,
                                        before: change.before, after: change.after)
        }
    }
}

public enum TargetStoreError: Error, Equatable {
    case unknownUnit(String)
}
