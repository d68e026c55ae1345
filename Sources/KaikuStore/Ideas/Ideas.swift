import FluentKit
import Foundation
import KaikuCore

/// The idea bank's reads and writes. Every read names the organisation, so
/// that no idea leaks to another; every change of status, owner or category
/// is written with its audit record in one transaction (`idea.*`, the
/// subject the idea's id).
public enum Ideas {
    /// What the audit log keeps of an idea's handling.
    public struct Record: Codable, Sendable, Equatable {
        public var status: String
        public var owner: UUID?
        public var category: String
    }

    /// A change as `PATCH /api/v1/ideas/{id}` or the idea page's form carries it; what is nil stays.
    public struct Change: Sendable, Equatable {
        public var status: IdeaStatus?
        public var ownerID: UUID?
        public var category: String?

        public init(status: IdeaStatus? = nil, ownerID: UUID? = nil, category: String? = nil) {
            self.status = status
            self.ownerID = ownerID
            self.category = category
        }
    }

    /// Most ideas one list or export returns; an organisation's year is a few hundred.
    public static let maxListed = 5_000

    public static func find(_ id: UUID?, organisationID: UUID, on database: any Database) async throws -> Idea? {
        guard let id, let idea = try await Idea.find(id, on: database), idea.organisationID == organisationID else { return nil }
        return idea
    }

    /// The organisation's ideas that pass `filter`, newest first.
    public static func list(organisationID: UUID, filter: IdeaFilter, limit: Int = maxListed, on database: any Database) async throws -> [Idea] {
        try await query(organisationID: organisationID, filter: filter, on: database)
            .sort(\.$createdAt, .descending).sort(\.$id, .descending).limit(limit).all()
    }

    /// The counts of the ideas that pass `filter`; years in `zone`.
    public static func counts(organisationID: UUID, filter: IdeaFilter, categoryCodes: [String], zone: TimeZone,
                              on database: any Database) async throws -> IdeaCounts {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let rows = try await query(organisationID: organisationID, filter: filter, on: database)
            .field(\.$status).field(\.$category).field(\.$createdAt).all()
            .map { (status: $0.statusValue, category: $0.category, year: calendar.component(.year, from: $0.createdAt)) }
        return IdeaCounts(rows: rows, categoryCodes: categoryCodes)
    }

    /// Saves a checked idea with its audit record.
    public static func add(_ idea: Idea, actor: AuditActor, on database: any Database) async throws {
        try await database.transaction { database in
            try await idea.create(on: database)
            try await AuditTrail.record(on: database, organisationID: idea.organisationID, at: idea.createdAt, actor: actor, action: "idea.add",
                                        subject: try idea.requireID().uuidString, before: Record?.none, after: record(idea))
        }
    }

    /// Applies a checked change (the transition allowed, the owner and the
    /// category the organisation's) and returns whether the status moved.
    @discardableResult
    public static func apply(_ change: Change, to idea: Idea, actor: AuditActor, at now: Date, on database: any Database) async throws -> Bool {
        let before = record(idea)
        if let status = change.status { idea.status = status.rawValue }
        if let owner = change.ownerID { idea.ownerID = owner }
        if let category = change.category { idea.category = category }
        let after = record(idea)
        guard after != before else { return false }
        idea.updatedAt = now
        let subject = try idea.requireID().uuidString
        try await database.transaction { database in
            try await idea.save(on: database)
            for (action, changed) in [("idea.status", before.status != after.status), ("idea.owner", before.owner != after.owner),
                                      ("idea.category", before.category != after.category)] where changed {
                try await AuditTrail.record(on: database, organisationID: idea.organisationID, at: now, actor: actor, action: action,
                                            subject: subject, before: before, after: after)
            }
        }
        return before.status != after.status
    }

    public static func comment(on idea: Idea, text: String, by authorID: UUID?, at now: Date, on database: any Database) async throws {
        try await IdeaComment(ideaID: try idea.requireID(), authorID: authorID, text: text, at: now).create(on: database)
    }

    /// An idea's comments, oldest first.
    public static func comments(of ideaID: UUID, on database: any Database) async throws -> [IdeaComment] {
        try await IdeaComment.query(on: database).filter(\.$ideaID == ideaID).sort(\.$createdAt).sort(\.$id).limit(1_000).all()
    }

    static func record(_ idea: Idea) -> Record {
        Record(status: idea.status, owner: idea.ownerID, category: idea.category)
    }

    private static func query(organisationID: UUID, filter: IdeaFilter, on database: any Database) -> QueryBuilder<Idea> {
        let query = Idea.query(on: database).filter(\.$organisationID == organisationID)
        if let status = filter.status { query.filter(\.$status == status.rawValue) }
        if let category = filter.category { query.filter(\.$category == category) }
        if let units = filter.unitIDs { query.filter(\.$unitID ~~ units) }
        if let from = filter.from { query.filter(\.$createdAt >= from) }
        if let until = filter.until { query.filter(\.$createdAt < until) }
        return query
    }
}
