import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/staff/admin/settings`: the answer promise, retention, minimum n,
/// benchmarking, open-text publishing and languages, changed with the API's
/// checks (`OrganisationSettings`) and written to the audit log.
struct SettingsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.adminSettings).pathComponents, use: page)
        routes.post(SiteURL.staff(.adminSettings).pathComponents, use: save)
    }

    func page(_ request: Request) async throws -> Response {
        let scope = try await Self.requireOrganisationAdministrator(request)
        let saved = request.queryStrings["saved"] == "1"
        return try await render(request, scope: scope, model: { $0.justSaved = saved })
    }

    func save(_ request: Request) async throws -> Response {
        let scope = try await Self.requireOrganisationAdministrator(request)
        let form = (try? request.content.decode(SettingsForm.self)) ?? SettingsForm()
        do {
            let actor = scope.staff.auditActor
            _ = try await form.change().save(organisationID: scope.staff.organisationID, actor: actor, at: request.kaiku.clock.now,
                                             singleSignOn: request.hasSingleSignOn(organisationID: scope.staff.organisationID), on: request.db)
            // Submissions cache the promise with the target; new cases must see the new one at once.
            await request.kaiku.targetCache.removeAll()
            return request.redirect(to: SiteURL.staff(.adminSettings).url([("saved", "1")]))
        } catch let error as FieldError where error.status == .badRequest {
            return try await render(request, scope: scope, status: .badRequest) {
                $0.form = form
                $0.errorField = error.field ?? "other"
            }
        }
    }

    /// The whole organisation's administrators only: these settings apply to every unit.
    static func requireOrganisationAdministrator(_ request: Request) async throws -> StaffScope {
        let scope = try await request.requireScope()
        guard scope.isOrganisationAdministrator else {
            throw Abort(.forbidden, reason: request.kaiku.catalogue.text("admin.forbidden", request.pageLanguage))
        }
        return scope
    }

    private func render(_ request: Request, scope: StaffScope, status: HTTPResponseStatus = .ok,
                        model adjust: (inout SettingsModel) -> Void = { _ in }) async throws -> Response {
        guard let organisation = try await Organisation.find(scope.staff.organisationID, on: request.db) else { throw Abort(.forbidden) }
        var model = SettingsModel(saved: OrganisationSettings(of: organisation))
        adjust(&model)
        return .html(SettingsPage(context: request.pageContext, model: model).render(), status: status)
    }
}
