import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Reply templates and referral texts, managed by administrators of the
/// whole organisation (they reach the customers of every unit) and used by
/// handlers when they answer or refer. Every change is in the audit log.
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
        api.put("reply-templates", ":id", use: update)
        api.delete("reply-templates", ":id", use: delete)
        api.get("referral-texts", use: referrals)
        api.put("referral-texts", use: setReferral)
    }

    func list(_ request: Request) async throws -> [TemplateDTO] {
        let staff = try request.requireStaff()
        return try await ReplyTemplate.query(on: request.db).filter(\.$organisationID == staff.organisationID).sort(\.$name).all()
            .map(dto)
    }

    func create(_ request: Request) async throws -> Response {
        let staff = try await administrator(request, changing: "reply templates")
        let body = try request.decodeJSON(TemplateDTO.self)
        let template = try await draft(body).create(organisationID: staff.organisationID, actor: staff.auditActor,
                                                    at: request.kaiku.clock.now, on: request.db)
        return try await dto(template).encodeResponse(status: .created, for: request)
    }

    /// Replaces a template's name, language, subject and text.
    func update(_ request: Request) async throws -> TemplateDTO {
        let staff = try await administrator(request, changing: "reply templates")
        let id = request.parameters.get("id", as: UUID.self)
        _ = try await ReplyTemplateDraft.find(id, organisationID: staff.organisationID, on: request.db)
        let body = try request.decodeJSON(TemplateDTO.self)
        let template = try await draft(body).update(id ?? UUID(), organisationID: staff.organisationID,
                                                    actor: staff.auditActor, at: request.kaiku.clock.now, on: request.db)
        return dto(template)
    }

    func delete(_ request: Request) async throws -> HTTPStatus {
        let staff = try await administrator(request, changing: "reply templates")
        let id = request.parameters.get("id", as: UUID.self)
        _ = try await ReplyTemplateDraft.find(id, organisationID: staff.organisationID, on: request.db)
        try await ReplyTemplateDraft.delete(id ?? UUID(), organisationID: staff.organisationID, actor: staff.auditActor,
                                            at: request.kaiku.clock.now, on: request.db)
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
        let saved = try await ReferralTextDraft(kind: body.kind, language: body.language, text: body.text, url: body.url)
            .save(organisationID: staff.organisationID, actor: staff.auditActor, at: request.kaiku.clock.now, on: request.db)
        return ReferralDTO(kind: saved.kind, language: saved.language, text: saved.text, url: saved.url)
    }

    private func draft(_ body: TemplateDTO) -> ReplyTemplateDraft {
        ReplyTemplateDraft(name: body.name, language: body.language, subject: body.subject, body: body.body)
    }

    private func dto(_ template: ReplyTemplate) -> TemplateDTO {
        TemplateDTO(id: template.id, name: template.name, language: template.language, subject: template.subject, body: template.body)
    }

    private func administrator(_ request: Request, changing what: String) async throws -> StaffUser {
        let staff = try request.requireStaff()
        guard staff.role == .administrator else { throw Abort(.forbidden, reason: "Only administrators manage templates and referral texts.") }
        try await request.requireScope().requireOrganisationAdministrator(what)
        return staff
    }
}
