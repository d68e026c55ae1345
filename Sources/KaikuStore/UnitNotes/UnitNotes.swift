import FluentKit
import Foundation
import KaikuCore

/// "What we did" notes: written, edited, published and withdrawn by
/// supervisors, each change with its audit record in the same transaction.
/// The subject of a record is the unit's code, so that the audit log reads
/// which unit's public page changed.
public enum UnitNotes {
    /// What the audit log keeps of a note.
    public struct Record: Codable, Sendable, Equatable {
        public var id: UUID?
        public var unit: String
        public var text: UnitNoteText
        public var publishedAt: Date?
    }

    /// All of a unit's notes for the staff page, newest first.
    public static func all(unitID: UUID, organisationID: UUID, on database: any Database) async throws -> [UnitNote] {
        try await UnitNote.query(on: database)
            .filter(\.$organisationID == organisationID).filter(\.$unitID == unitID)
            .sort(\.$createdAt, .descending).sort(\.$id, .descending).all()
    }

    /// The notes on a unit's public page, newest published first; `limit` bounds what a page can show.
    public static func published(unitID: UUID, limit: Int = 20, on database: any Database) async throws -> [UnitNote] {
        try await UnitNote.query(on: database)
            .filter(\.$unitID == unitID).filter(\.$publishedAt != nil)
            .sort(\.$publishedAt, .descending).sort(\.$createdAt, .descending).sort(\.$id, .descending)
            .limit(limit).all()
    }

    /// The note `id` of the organisation, or nil.
    public static func find(_ id: UUID?, organisationID: UUID, on database: any Database) async throws -> UnitNote? {
        guard let id, let note = try await UnitNote.find(id, on: database), note.organisationID == organisationID else { return nil }
        return note
    }

    public static func add(organisationID: UUID, unit: OrgUnit, text: UnitNoteText, publish: Bool, by userID: UUID?,
                           actor: AuditActor, at now: Date, on database: any Database) async throws -> UnitNote {
        let note = UnitNote(organisationID: organisationID, unitID: try unit.requireID(), text: text, createdBy: userID, at: now)
        if publish { note.publishedAt = now }
        let code = unit.code
        try await database.transaction { database in
            try await note.create(on: database)
            try await AuditTrail.record(on: database, organisationID: organisationID, at: now, actor: actor, action: "note.add",
                                        subject: code, before: Record?.none, after: record(note, unit: code))
            if publish {
                try await AuditTrail.record(on: database, organisationID: organisationID, at: now, actor: actor, action: "note.publish",
                                            subject: code, before: Record?.none, after: record(note, unit: code))
            }
        }
        return note
    }

    public static func update(_ note: UnitNote, unit: OrgUnit, text: UnitNoteText, actor: AuditActor, at now: Date,
                              on database: any Database) async throws {
        guard note.text != text else { return }
        let before = record(note, unit: unit.code)
        note.text = text
        note.updatedAt = now
        try await save(note, action: "note.update", before: before, unit: unit.code, actor: actor, at: now, on: database)
    }

    /// Publishes the note now (a published note keeps its first date) or takes it off the public page.
    public static func setPublished(_ note: UnitNote, _ publish: Bool, unit: OrgUnit, actor: AuditActor, at now: Date,
                                    on database: any Database) async throws {
        guard (note.publishedAt != nil) != publish else { return }
        let before = record(note, unit: unit.code)
        note.publishedAt = publish ? now : nil
        note.updatedAt = now
        try await save(note, action: publish ? "note.publish" : "note.withdraw", before: before, unit: unit.code, actor: actor, at: now, on: database)
    }

    public static func delete(_ note: UnitNote, unit: OrgUnit, actor: AuditActor, at now: Date, on database: any Database) async throws {
        let before = record(note, unit: unit.code)
        let organisationID = note.organisationID
        try await database.transaction { database in
            try await note.delete(on: database)
            try await AuditTrail.record(on: database, organisationID: organisationID, at: now, actor: actor, action: "note.delete",
                                        subject: before.unit, before: before, after: Record?.none)
        }
    }

    private static func save(_ note: UnitNote, action: String, before: Record, unit code: String, actor: AuditActor, at now: Date,
                             on database: any Database) async throws {
        let after = record(note, unit: code)
        try await database.transaction { database in
            try await note.save(on: database)
            try await AuditTrail.record(on: database, organisationID: note.organisationID, at: now, actor: actor, action: action,
                                        subject: code, before: before, after: after)
        }
    }

    static func record(_ note: UnitNote, unit: String) -> Record {
        Record(id: note.id, unit: unit, text: note.text, publishedAt: note.publishedAt)
    }
}
