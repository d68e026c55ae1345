import FluentKit
import Foundation
import KaikuStore

/// Creating, changing and removing templates, each with its audit record in
/// the same transaction (`template.create`, `template.update`, `template.delete`,
/// the template's name as subject).
extension ReplyTemplateDraft {
    func create(organisationID: UUID, actor: AuditActor, at now: Date, on database: any Database) async throws -> ReplyTemplate {
        let draft = try validated()
        return try await database.writeTransaction { db in
            let template = ReplyTemplate(organisationID: organisationID, name: draft.name, language: draft.language,
                                         subject: draft.subject, body: draft.body)
            try await template.create(on: db)
            try await AuditTrail.record(on: db, organisationID: organisationID, at: now, actor: actor, action: "template.create",
                                        subject: draft.name, before: ReplyTemplateDraft?.none, after: draft)
            return template
        }
    }

    func update(_ id: UUID, organisationID: UUID, actor: AuditActor, at now: Date, on database: any Database) async throws -> ReplyTemplate {
        let draft = try validated()
        return try await database.writeTransaction { db in
            let template = try await Self.find(id, organisationID: organisationID, on: db)
            let before = ReplyTemplateDraft(template)
            guard before != draft else { return template }
            template.name = draft.name
            template.language = draft.language
            template.subject = draft.subject
            template.body = draft.body
            try await template.save(on: db)
            try await AuditTrail.record(on: db, organisationID: organisationID, at: now, actor: actor, action: "template.update",
                                        subject: draft.name, before: before, after: draft)
            return template
        }
    }

    static func delete(_ id: UUID, organisationID: UUID, actor: AuditActor, at now: Date, on database: any Database) async throws {
        try await database.writeTransaction { db in
            let template = try await find(id, organisationID: organisationID, on: db)
            let before = ReplyTemplateDraft(template)
            try await template.delete(on: db)
            try await AuditTrail.record(on: db, organisationID: organisationID, at: now, actor: actor, action: "template.delete",
                                        subject: before.name, before: before, after: ReplyTemplateDraft?.none)
        }
    }

    /// One of the organisation's templates; another organisation's is as unknown as a missing one.
    static func find(_ id: UUID?, organisationID: UUID, on database: any Database) async throws -> ReplyTemplate {
        guard let id, let template = try await ReplyTemplate.find(id, on: database), template.organisationID == organisationID else {
            throw FieldError(status: .notFound, field: "id", message: "No reply template with that id.")
        }
        return template
    }
}
