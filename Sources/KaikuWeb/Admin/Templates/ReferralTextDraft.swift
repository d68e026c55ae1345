import FluentKit
import Foundation
import KaikuCore
import KaikuStore

/// The instructions sent with a referral, for one kind and language, as an
/// administrator writes them and as the audit log keeps them.
struct ReferralTextDraft: Codable, Equatable, Sendable {
    var kind: String
    var language: String
    var text: String
    var url: String?

    init(kind: String, language: String, text: String, url: String?) {
        self.kind = kind
        self.language = language
        self.text = text
        self.url = url
    }

    init(_ row: ReferralText) {
        self.init(kind: row.kind, language: row.language, text: row.text, url: row.url)
    }

    /// The audit log's subject: `complaint/sv`.
    var subject: String { "\(kind)/\(language)" }

    func validated() throws -> ReferralTextDraft {
        guard CaseOperations.referralKinds.contains(kind) else {
            throw FieldError(field: "kind", message: "kind must be one of complaint, incident, ombudsman.")
        }
        guard Language(rawValue: language) != nil else { throw FieldError(field: "language", message: "language must be one of fi, sv, en.") }
        if let url {
            guard url.codePointCount <= 500, let parsed = URL(string: url), ["https", "http"].contains(parsed.scheme ?? "") else {
                throw FieldError(field: "url", message: "url must be an http(s) address.")
            }
        }
        return ReferralTextDraft(kind: kind, language: language, text: try CaseText.check(text, field: "text"), url: url)
    }

    private func existing(organisationID: UUID, on database: any Database) async throws -> ReferralText? {
        try await ReferralText.query(on: database).filter(\.$organisationID == organisationID)
            .filter(\.$kind == kind).filter(\.$language == language).first()
    }

    /// Sets the text for its kind and language, replacing what was there, with
    /// a `referral.update` audit record in the same transaction.
    func save(organisationID: UUID, actor: AuditActor, at now: Date, on database: any Database) async throws -> ReferralTextDraft {
        let draft = try validated()
        let before = try await draft.existing(organisationID: organisationID, on: database)
        return try await UniqueConflict.guarding(
            field: "kind", message: "Someone set the \(draft.kind) text in \(draft.language) at the same moment; read it and send yours again if it should replace theirs.",
            exists: { before == nil ? try await draft.existing(organisationID: organisationID, on: database) != nil : false }
        ) {
            try await database.writeTransaction { db in
                let row = try await draft.existing(organisationID: organisationID, on: db) ?? ReferralText()
                let previous = row.id == nil ? nil : ReferralTextDraft(row)
                guard previous != draft else { return draft }
                row.organisationID = organisationID
                row.kind = draft.kind
                row.language = draft.language
                row.text = draft.text
                row.url = draft.url
                try await row.save(on: db)
                try await AuditTrail.record(on: db, organisationID: organisationID, at: now, actor: actor, action: "referral.update",
                                            subject: draft.subject, before: previous, after: draft)
                return draft
            }
        }
    }
}
