import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Reply templates and referral texts, managed by administrators of the
/// whole organisation (they reach the customers of every unit) and used by
/// handlers when they answer or refer.
struct ReplyTemplatesController: RouteCollection {
    struct TemplateDTO: Content {
        var id: UUID?
        var name: String
        var language: String
        var subject: String
        var body: String
    }

    struct ReferralDTO: Content {
        var kind: String
        var language: String
        var text: String
        var url: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1").grouped(BearerTokenAuthenticator())
        api.get("reply-templates", use: list)
        api.post("reply-templates", use: create)
        api.delete("reply-templates", ":id", use: delete)
        api.get("referral-texts", use: referrals)
        api.put("referral-texts", use: setReferral)
    }

    func list(_ request: Request) async throws -> [TemplateDTO] {
        let staff = try request.requireStaff()
        return try await ReplyTemplate.query(on: request.db).filter(\.$organisationID == staff.organisationID).sort(\.$name).all()
            .map { TemplateDTO(id: $0.id, name: $0.name, language: $0.language, subject: $0.subject, body: $0.body) }
    }

    func create(_ request: Request) async throws -> Response {
        let staff = try await administrator(request, changing: "reply templates")
        let body = try request.decodeJSON(TemplateDTO.self)
        guard Language(rawValue: body.language) != nil else { throw FieldError(field: "language", message: "language must be one of fi, sv, en.") }
        let name = try CaseText.check(body.name, field: "name")
        let subject = try CaseText.check(body.subject, field: "subject")
        guard !subject.contains(where: \.isNewline), subject.codePointCount <= 200 else { throw FieldError(field: "subject", message: "subject must be one line of at most 200 characters.") }
        let template = ReplyTemplate(organisationID: staff.organisationID, name: name, language: body.language,
                                     subject: subject, body: try CaseText.check(body.body, field: "body"))
        try await template.create(on: request.db)
        return try await TemplateDTO(id: template.id, name: template.name, language: template.language, subject: template.subject, body: template.body)
            .encodeResponse(status: .created, for: request)
    }

    func delete(_ request: Request) async throws -> HTTPStatus {
        let staff = try await administrator(request, changing: "reply templates")
        guard let id = request.parameters.get("id", as: UUID.self), let template = try await ReplyTemplate.find(id, on: request.db),
              template.organisationID == staff.organisationID else {
            throw Abort(.notFound, reason: "No reply template with that id.")
        }
        try await template.delete(on: request.db)
        return .noContent
    }

    func referrals(_ request: Request) async throws -> [ReferralDTO] {
        let staff = try request.requireStaff()
        return try await ReferralText.query(on: request.db).filter(\.$organisationID == staff.organisationID).all()
            .map { ReferralDTO(kind: $0.kind, language: $0.language, text: $0.text, url: $0.url) }
    }

    /// Sets the text for one kind and language, replacing what was there.
    func setReferral(_ request: Request) async throws -> ReferralDTO {
        let staff = try await administrator(request, changing: "referral texts")
        let body = try request.decodeJSON(ReferralDTO.self)
        guard CaseOperations.referralKinds.contains(body.kind) else {
            throw FieldError(field: "kind", message: "kind must be one of complaint, incident, ombudsman.")
        }
        guard Language(rawValue: body.language) != nil else { throw FieldError(field: "language", message: "language must be one of fi, sv, en.") }
        if let url = body.url {
            guard url.codePointCount <= 500, let parsed = URL(string: url), ["https", "http"].contains(parsed.scheme ?? "") else {
                throw FieldError(field: "url", message: "url must be an http(s) address.")
            }
        }
        let text = try CaseText.check(body.text, field: "text")
        let existing = try await ReferralText.query(on: request.db).filter(\.$organisationID == staff.organisationID)
            .filter(\.$kind == body.kind).filter(\.$language == body.language).first()
        let row = existing ?? ReferralText()
        row.organisationID = staff.organisationID
        row.kind = body.kind
        row.language = body.language
        row.text = text
        row.url = body.url
        try await UniqueConflict.guarding(
            field: "kind", message: "Someone set the \(body.kind) text in \(body.language) at the same moment; read it and send yours again if it should replace theirs.",
            exists: {
                guard existing == nil else { return false }
                return try await ReferralText.query(on: request.db).filter(\.$organisationID == staff.organisationID)
                    .filter(\.$kind == body.kind).filter(\.$language == body.language).first() != nil
            }
        ) {
            try await row.save(on: request.db)
        }
        return ReferralDTO(kind: row.kind, language: row.language, text: row.text, url: row.url)
    }

    private func administrator(_ request: Request, changing what: String) async throws -> StaffUser {
        let staff = try request.requireStaff()
        guard staff.role == .administrator else { throw Abort(.forbidden, reason: "Only administrators manage templates and referral texts.") }
        try await request.requireScope().requireOrganisationAdministrator(what)
        return staff
    }
}
