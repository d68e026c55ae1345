import Foundation
import KaikuStore
import Vapor

/// `/staff/admin/identity-provider`: the organisation's own OpenID Connect
/// provider and who is created at a first sign-in, for administrators of the
/// whole organisation. The secret is never shown back; left empty it is kept.
struct IdentityProviderPageController: RouteCollection {
    struct Form: Content {
        var issuer: String?
        var clientId: String?
        var clientSecret: String?
        var trustEmailClaims: String?
        var enabled: String?
        var provisioning: String?
        var defaultRole: String?
        var defaultUnit: String?
        var groupClaim: String?
        var groupRules: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.adminIdentityProvider).pathComponents, use: page)
        routes.post(SiteURL.staff(.adminIdentityProvider).pathComponents, use: save)
    }

    func page(_ request: Request) async throws -> Response {
        let scope = try await SettingsController.requireOrganisationAdministrator(request)
        let current = try await IdentityProviderEditing.current(organisationID: scope.staff.organisationID, on: request)
        var model = IdentityProviderModel(current: current)
        model.justSaved = request.queryStrings["saved"] == "1"
        return .html(IdentityProviderPage(context: request.pageContext, model: model).render())
    }

    func save(_ request: Request) async throws -> Response {
        let scope = try await SettingsController.requireOrganisationAdministrator(request)
        let form = (try? request.content.decode(Form.self)) ?? Form()
        let rulesText = String((form.groupRules ?? "").prefix(20_000))
        let rules = IdentityProviderDraft.parseRules(rulesText)
        let draft = IdentityProviderDraft(
            issuer: String((form.issuer ?? "").prefix(1_000)), clientID: String((form.clientId ?? "").prefix(1_000)),
            clientSecret: String((form.clientSecret ?? "").prefix(2_000)), trustsEmailClaims: form.trustEmailClaims == "on",
            enabled: form.enabled == "on", provisioning: form.provisioning == "on", defaultRole: form.defaultRole ?? "",
            defaultUnit: form.defaultUnit ?? "", groupClaim: String((form.groupClaim ?? "").prefix(1_000)), groupRules: rules ?? [])
        var problem: IdentityProviderDraft.Problem?
        if rules == nil {
            problem = IdentityProviderDraft.Problem(field: "groupRules", key: "admin.identityProvider.error.rules")
        } else {
            do {
                try await IdentityProviderEditing.save(draft, organisationID: scope.staff.organisationID, actor: scope.staff.auditActor, on: request)
                return request.redirect(to: SiteURL.staff(.adminIdentityProvider).url([("saved", "1")]))
            } catch let refused as IdentityProviderDraft.Problem {
                problem = refused
            }
        }
        var model = IdentityProviderModel(current: try await IdentityProviderEditing.current(organisationID: scope.staff.organisationID, on: request))
        model.draft = draft
        model.rulesText = rulesText
        model.problem = problem
        return .html(IdentityProviderPage(context: request.pageContext, model: model).render(), status: .badRequest)
    }
}
