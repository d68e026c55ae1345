import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/staff/admin/templates`: list, add, edit with a preview, and remove reply
/// templates, with the API's checks and audit records (`ReplyTemplateDraft`).
struct TemplatesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.adminTemplates).pathComponents, use: list)
        routes.get(SiteURL.staff(.adminTemplateNew).pathComponents, use: new)
        routes.post(SiteURL.staff(.adminTemplateNew).pathComponents, use: create)
        routes.get(SiteURL.staff(.adminTemplate(.key)).pathComponents, use: edit)
        routes.post(SiteURL.staff(.adminTemplate(.key)).pathComponents, use: update)
        routes.post(SiteURL.staff(.adminTemplateDelete(.key)).pathComponents, use: delete)
    }

    func list(_ request: Request) async throws -> Response {
        let scope = try await SettingsController.requireOrganisationAdministrator(request)
        let templates = try await ReplyTemplate.query(on: request.db).filter(\.$organisationID == scope.staff.organisationID).all()
        let rows = templates.compactMap { template in
            template.id.map { TemplatesModel.Row(id: $0, name: template.name, language: template.language, subject: template.subject) }
        }
        let model = TemplatesModel(rows: TemplatesModel.ordered(rows), removed: request.queryStrings["removed"] == "1")
        return .html(TemplatesPage(context: request.pageContext, model: model).render())
    }

    func new(_ request: Request) async throws -> Response {
        let scope = try await SettingsController.requireOrganisationAdministrator(request)
        let organisation = try await organisation(scope, request)
        let draft = ReplyTemplateDraft(name: "", language: request.pageLanguage.rawValue, subject: "", body: "")
        return page(request, TemplateEditModel(id: nil, draft: draft, preview: nil, languages: languages(organisation, draft)))
    }

    func create(_ request: Request) async throws -> Response {
        let scope = try await SettingsController.requireOrganisationAdministrator(request)
        return try await submit(request, scope: scope, id: nil)
    }

    func edit(_ request: Request) async throws -> Response {
        let scope = try await SettingsController.requireOrganisationAdministrator(request)
        let organisation = try await organisation(scope, request)
        let template = try await find(request, scope)
        let draft = ReplyTemplateDraft(template)
        let model = TemplateEditModel(id: template.id, draft: draft, preview: TemplateEditModel.preview(of: draft, organisationName: organisation.name),
                                      justSaved: request.queryStrings["saved"] == "1", languages: languages(organisation, draft))
        return page(request, model)
    }

    func update(_ request: Request) async throws -> Response {
        let scope = try await SettingsController.requireOrganisationAdministrator(request)
        let template = try await find(request, scope)
        return try await submit(request, scope: scope, id: template.id)
    }

    func delete(_ request: Request) async throws -> Response {
        let scope = try await SettingsController.requireOrganisationAdministrator(request)
        let template = try await find(request, scope)
        try await ReplyTemplateDraft.delete(try template.requireID(), organisationID: scope.staff.organisationID,
                                            actor: scope.staff.auditActor, at: request.kaiku.clock.now, on: request.db)
        return request.redirect(to: SiteURL.staff(.adminTemplates).url([("removed", "1")]))
    }

    /// Saves (then shows the saved template) or previews the form as sent; a refusal shows the form again with its error.
    private func submit(_ request: Request, scope: StaffScope, id: UUID?) async throws -> Response {
        let organisation = try await organisation(scope, request)
        let form = (try? request.content.decode(TemplateForm.self)) ?? TemplateForm()
        let draft = form.draft
        var model = TemplateEditModel(id: id, draft: draft, preview: TemplateEditModel.preview(of: draft, organisationName: organisation.name),
                                      languages: languages(organisation, draft))
        do {
            let checked = try draft.validated()
            guard !form.wantsPreview else { return page(request, model) }
            let actor = scope.staff.auditActor
            let now = request.kaiku.clock.now
            let organisationID = scope.staff.organisationID
            let saved: ReplyTemplate
            if let id {
                saved = try await checked.update(id, organisationID: organisationID, actor: actor, at: now, on: request.db)
            } else {
                saved = try await checked.create(organisationID: organisationID, actor: actor, at: now, on: request.db)
            }
            return request.redirect(to: SiteURL.staff(.adminTemplate(.value(try saved.requireID()))).url([("saved", "1")]))
        } catch let error as FieldError where error.status == .badRequest {
            model.errorField = error.field ?? "other"
            return page(request, model, status: .badRequest)
        }
    }

    private func page(_ request: Request, _ model: TemplateEditModel, status: HTTPResponseStatus = .ok) -> Response {
        .html(TemplateEditPage(context: request.pageContext, model: model).render(), status: status)
    }

    private func find(_ request: Request, _ scope: StaffScope) async throws -> ReplyTemplate {
        do {
            return try await ReplyTemplateDraft.find(request.parameters.get("id", as: UUID.self), organisationID: scope.staff.organisationID, on: request.db)
        } catch is FieldError {
            throw Abort(.notFound, reason: request.kaiku.catalogue.text("admin.templates.notFound", request.pageLanguage))
        }
    }

    private func organisation(_ scope: StaffScope, _ request: Request) async throws -> Organisation {
        guard let organisation = try await Organisation.find(scope.staff.organisationID, on: request.db) else { throw Abort(.forbidden) }
        return organisation
    }

    /// The offered languages, and the template's own should it no longer be offered.
    private func languages(_ organisation: Organisation, _ draft: ReplyTemplateDraft) -> [Language] {
        let own = Language(rawValue: draft.language)
        return Language.allCases.filter { organisation.offeredLanguages.contains($0) || $0 == own }
    }
}
