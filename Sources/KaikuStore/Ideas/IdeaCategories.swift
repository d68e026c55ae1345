import FluentKit
import Foundation
import KaikuCore

/// An organisation's idea categories: the six defaults, named by the
/// catalogue unless the organisation renamed them, then its own in the order
/// they were added. Each change has its audit record (`idea-category.*`).
public enum IdeaCategories {
    public struct Entry: Sendable, Equatable {
        public var code: String
        /// The organisation's own names; nil for a default it has not renamed.
        public var name: LocalizedText?
        public var isDefault: Bool
    }

    public static func entries(organisationID: UUID, on database: any Database) async throws -> [Entry] {
        let rows = try await IdeaCategory.query(on: database).filter(\.$organisationID == organisationID)
            .sort(\.$createdAt).sort(\.$code).all()
        let named = Dictionary(rows.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        return IdeaCategoryDefaults.codes.map { Entry(code: $0, name: named[$0], isDefault: true) }
            + rows.filter { !IdeaCategoryDefaults.codes.contains($0.code) }.map { Entry(code: $0.code, name: $0.name, isDefault: false) }
    }

    public static func codes(organisationID: UUID, on database: any Database) async throws -> [String] {
        try await entries(organisationID: organisationID, on: database).map(\.code)
    }

    /// Names a category: a default gets the organisation's names, a new code
    /// becomes a category of its own. Code and names are checked already.
    public static func save(code: String, name: LocalizedText, organisationID: UUID, actor: AuditActor, at now: Date,
                            on database: any Database) async throws {
        let existing = try await IdeaCategory.query(on: database).filter(\.$organisationID == organisationID).filter(\.$code == code).first()
        let before = existing?.name
        guard before != name else { return }
        let row = existing ?? IdeaCategory(organisationID: organisationID, code: code, name: name)
        row.name = name
        try await database.transaction { database in
            try await row.save(on: database)
            try await AuditTrail.record(on: database, organisationID: organisationID, at: now, actor: actor,
                                        action: existing == nil && !IdeaCategoryDefaults.codes.contains(code) ? "idea-category.add" : "idea-category.rename",
                                        subject: code, before: before, after: name)
        }
    }
}
