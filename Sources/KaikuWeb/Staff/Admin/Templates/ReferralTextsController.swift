import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/staff/admin/referral-texts`: the organisation's own referral
/// instructions per kind and language, saved with the API's checks and
/// audit record (`ReferralTextDraft`).
struct ReferralTextsController: RouteCollection {
    struct Form: Content {
        var kind: String?
        var language: String?
        var text: String?
        var url: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.adminReferralTexts).pathComponents, use: page)
        routes.post(SiteURL.staff(.adminReferralTexts).pathComponents, use: save)
    }

    func page(_ request: Request) async throws -> Response {
        let scope = try await SettingsController.requireOrganisationAdministrator(request)
        let saved = request.queryStrings["saved"].flatMap { $0.count <= 20 ? $0 : nil }
        return try await render(request, scope: scope) { $0.saved = saved }
    }

    func save(_ request: Request) async throws -> Response {
        let scope = try await SettingsController.requireOrganisationAdministrator(request)
        let form = (try? request.content.decode(Form.self)) ?? Form()
        let url = form.url.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0.trimmingCharacters(in: .whitespaces) }
        let draft = ReferralTextDraft(kind: form.kind ?? "", language: form.language ?? "", text: form.text ?? "", url: url)
        do {
            let saved = try await draft.save(organisationID: scope.staff.organisationID, actor: scope.staff.auditActor,
                                             at: request.kaiku.clock.now, on: request.db)
            return request.redirect(to: SiteURL.staff(.adminReferralTexts).url([("saved", "\(saved.kind)-\(saved.language)")]) + "#\(saved.kind)-\(saved.language)")
        } catch let error as FieldError where error.status == .badRequest && ["text", "url"].contains(error.field ?? "") {
            return try await render(request, scope: scope, status: .badRequest) { model in
                let key = "\(draft.kind)-\(draft.language)"
                model.problem = ReferralTextsModel.Problem(key: key, field: error.field ?? "text")
                if let index = model.entries.firstIndex(where: { $0.key == key }) {
                    model.entries[index].text = draft.text
                    model.entries[index].url = draft.url ?? ""
                }
            }
        }
    }

    private func render(_ request: Request, scope: StaffScope, status: HTTPResponseStatus = .ok,
                        adjust: (inout ReferralTextsModel) -> Void) async throws -> Response {
        guard let organisation = try await Organisation.find(scope.staff.organisationID, on: request.db) else { throw Abort(.forbidden) }
        let rows = try await ReferralText.query(on: request.db).filter(\.$organisationID == scope.staff.organisationID).all()
        let catalogue = request.kaiku.catalogue
        var model = ReferralTextsModel(entries: ReferralTextsModel.entries(
            kinds: CaseOperations.referralKinds, languages: organisation.offeredLanguages,
            own: { kind, language in
                rows.first { $0.kind == kind && $0.language == language.rawValue }.map { ($0.text, $0.url) }
            },
            standard: { kind, language in catalogue.text("referral.\(kind)", language) }))
        adjust(&model)
        return .html(ReferralTextsPage(context: request.pageContext, model: model).render(), status: status)
    }
}
