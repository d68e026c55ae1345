import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/staff/admin/themes`: the organisation's themes, with forms to add its own
/// and rename them (administrators of the whole organisation). Saved with the
/// API's checks and audit records (`OwnThemeAddition`, `OwnThemeStore`).
struct ThemesAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.adminThemes).pathComponents, use: page)
        routes.post(SiteURL.staff(.adminThemes).pathComponents, use: add)
        routes.post(SiteURL.staff(.adminTheme(.key)).pathComponents, use: rename)
    }

    func page(_ request: Request) async throws -> Response {
        let scope = try await SettingsController.requireOrganisationAdministrator(request)
        let notice = request.queryStrings["saved"].flatMap(ThemesAdminModel.Notice.init(rawValue:))
        return try await render(request, scope: scope) { $0.notice = notice }
    }

    func add(_ request: Request) async throws -> Response {
        let scope = try await SettingsController.requireOrganisationAdministrator(request)
        let form = CodedNameForm.decode(from: request)
        let code = form.trimmedCode
        let existing = try await ThemeCatalogue.codes(organisationID: scope.staff.organisationID, on: request.db)
        do throws(OwnThemeRules.Problem) {
            _ = try OwnThemeRules.checkedCode(code, existing: existing)
            _ = try OwnThemeRules.checkedName(form.name)
        } catch {
            return try await render(request, scope: scope, status: .badRequest) { model in
                model.problem = ThemesAdminModel.problem(error, form: ThemesAdminModel.addForm)
                model.draftCode = code
                model.draftName = form.name
            }
        }
        do {
            _ = try await OwnThemeAddition.add(code: code, name: form.name, scope: scope, request: request)
        } catch let error as FieldError where error.status == .conflict {
            return try await render(request, scope: scope, status: .badRequest) { model in
                model.problem = ThemesAdminModel.problem(.takenCode, form: ThemesAdminModel.addForm)
                model.draftCode = code
                model.draftName = form.name
            }
        }
        return request.redirect(to: SiteURL.staff(.adminThemes).url([("saved", "added")]) + "#theme-\(code)")
    }

    func rename(_ request: Request) async throws -> Response {
        let scope = try await SettingsController.requireOrganisationAdministrator(request)
        guard let code = request.parameters.get("code"), OwnThemeRules.isWellFormed(code),
              let theme = try await OwnThemeStore.find(code: code, organisationID: scope.staff.organisationID, on: request.db) else {
            throw Abort(.notFound)
        }
        let form = CodedNameForm.decode(from: request)
        let name: LocalizedText
        do throws(OwnThemeRules.Problem) {
            name = try OwnThemeRules.checkedName(form.name)
        } catch {
            return try await render(request, scope: scope, status: .badRequest) { model in
                model.problem = ThemesAdminModel.problem(error, form: code)
                if let index = model.entries.firstIndex(where: { $0.code == code }) { model.entries[index].name = form.name }
            }
        }
        try await OwnThemeStore.rename(theme, to: name, actor: scope.staff.auditActor, at: request.kaiku.clock.now, on: request.db)
        return request.redirect(to: SiteURL.staff(.adminThemes).url([("saved", "renamed")]) + "#rename-\(code)")
    }

    private func render(_ request: Request, scope: StaffScope, status: HTTPResponseStatus = .ok,
                        adjust: (inout ThemesAdminModel) -> Void) async throws -> Response {
        let catalogue = request.kaiku.catalogue
        let themes = try await ThemeCatalogue.entries(organisationID: scope.staff.organisationID, on: request.db)
        var model = ThemesAdminModel(entries: ThemesAdminModel.entries(themes) { code, language in catalogue.text("theme.\(code)", language) })
        adjust(&model)
        return .html(ThemesAdminPage(context: request.pageContext, model: model).render(), status: status)
    }
}
