import FluentKit
import Foundation
import KaikuCore

/// Adds and renames an organisation's own themes, each change with its audit
/// record. A new theme schedules a retraining, so that the classifier knows
/// the code as soon as handlers start giving it.
public enum OwnThemeStore {
    /// What the audit log keeps of a theme.
    public struct Record: Codable, Equatable, Sendable {
        public var code: String
        public var name: LocalizedText
    }

    public static func find(code: String, organisationID: UUID, on database: any Database) async throws -> OrganisationTheme? {
        try await OrganisationTheme.query(on: database).filter(\.$organisationID == organisationID).filter(\.$code == code).first()
    }

    /// Adds a theme whose code and name are checked already (`OwnThemeRules`).
    public static func add(code: String, name: LocalizedText, organisationID: UUID, actor: AuditActor, at now: Date,
                           on database: any Database) async throws {
        try await database.transaction { transaction in
            try await OrganisationTheme(organisationID: organisationID, code: code, name: name).create(on: transaction)
            try await AuditTrail.record(on: transaction, organisationID: organisationID, at: now, actor: actor, action: "theme.add",
                                        subject: code, before: Record?.none, after: Record(code: code, name: name))
            try await ClassifierJobs.scheduleRetraining(organisationID: organisationID, after: now, on: transaction)
        }
    }

    /// Gives a theme new names; its code stays. Returns false when nothing changed.
    @discardableResult
    public static func rename(_ theme: OrganisationTheme, to name: LocalizedText, actor: AuditActor, at now: Date,
                              on database: any Database) async throws -> Bool {
        let before = Record(code: theme.code, name: theme.name)
        guard before.name != name else { return false }
        theme.nameFi = name.fi
        theme.nameSv = name.sv
        theme.nameEn = name.en
        try await database.transaction { transaction in
            try await theme.save(on: transaction)
            try await AuditTrail.record(on: transaction, organisationID: theme.organisationID, at: now, actor: actor, action: "theme.rename",
                                        subject: theme.code, before: before, after: Record(code: theme.code, name: name))
        }
        return true
    }
}
