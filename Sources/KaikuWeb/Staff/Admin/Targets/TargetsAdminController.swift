import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// The administrator's target pages: the list, a new target, and one
/// target's editor. Changes go through `TargetChanges`, as the API's do.
struct TargetsAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.adminTargets).pathComponents, use: list)
        routes.get(SiteURL.staff(.adminTargetNew).pathComponents, use: newTarget)
        routes.post(SiteURL.staff(.adminTargetNew).pathComponents, use: create)
        routes.get(SiteURL.staff(.adminTarget(.key)).pathComponents, use: edit)
        routes.post(SiteURL.staff(.adminTarget(.key)).pathComponents, use: save)
    }

    func list(_ request: Request) async throws -> Response {
        let scope = try await administrator(request)
        let context = request.pageContext
        let filters = TargetListFilters { [query = request.queryStrings] in query[$0] }
        let model = try await TargetListQuery.load(filters, scope: scope, context: context, on: request.db)
        return .html(TargetListPage(context: context, model: model).render())
    }

    func newTarget(_ request: Request) async throws -> Response {
        let scope = try await administrator(request)
        let form = TargetForm(unit: scope.units[scope.staff.unitID]?.code)
        return render(request, scope: scope, model: model(editing: nil, form: form, scope: scope, request: request))
    }

    func create(_ request: Request) async throws -> Response {
        let scope = try await administrator(request)
        let form = (try? request.content.decode(TargetForm.self)) ?? TargetForm(active: nil)
        do {
            let target = try await TargetChanges.create(form.fields, scope: scope, request: request)
            return request.redirect(to: SiteURL.staff(.adminTarget(.value(target.code))).url([("saved", "1")]), redirectType: .normal)
        } catch let refusal as TargetRefusal {
            var model = model(editing: nil, form: form, scope: scope, request: request)
            model.errors = refusal.keysByField
            return render(request, scope: scope, model: model, status: refusal.status)
        }
    }

    func edit(_ request: Request) async throws -> Response {
        let scope = try await administrator(request)
        let target = try await TargetChanges.editable(code: request.parameters.get("code") ?? "", scope: scope, on: request.db)
        var model = model(editing: target.code, form: TargetForm(TargetChanges.fields(of: target, scope: scope)), scope: scope, request: request)
        model.saved = request.queryStrings["saved"] == "1"
        return render(request, scope: scope, model: model)
    }

    func save(_ request: Request) async throws -> Response {
        let scope = try await administrator(request)
        let target = try await TargetChanges.editable(code: request.parameters.get("code") ?? "", scope: scope, on: request.db)
        let form = (try? request.content.decode(TargetForm.self)) ?? TargetForm(active: nil)
        do {
            try await TargetChanges.update(target, to: form.fields, scope: scope, request: request)
            return request.redirect(to: SiteURL.staff(.adminTarget(.value(target.code))).url([("saved", "1")]), redirectType: .normal)
        } catch let refusal as TargetRefusal {
            var posted = form
            posted.code = target.code
            var model = model(editing: target.code, form: posted, scope: scope, request: request)
            model.errors = refusal.keysByField
            return render(request, scope: scope, model: model, status: refusal.status)
        }
    }

    private func administrator(_ request: Request) async throws -> StaffScope {
        let scope = try await request.requireScope()
        guard scope.staff.role == .administrator else {
            throw Abort(.forbidden, reason: request.pageContext.t("staff.admin.forbidden"))
        }
        return scope
    }

    /// Units offered in the unit choice: the administrator's subtree without
    /// closed units, except the one the target is in now.
    private func model(editing code: String?, form: TargetForm, scope: StaffScope, request: Request) -> TargetFormModel {
        let units = scope.unitOptions(under: scope.staff.unitID, language: request.pageContext.language).filter { option in
            option.code == form.unit || scope.unit(code: option.code)?.closed != true
        }
        let links = code.map { (form: SiteURL.form(.value($0)).path, card: SiteURL.staff(.posters).url([("target", $0)])) }
        return TargetFormModel(editing: code, form: form, units: units, links: links)
    }

    private func render(_ request: Request, scope: StaffScope, model: TargetFormModel, status: HTTPResponseStatus = .ok) -> Response {
        .html(TargetFormPage(context: request.pageContext, model: model).render(), status: status)
    }
}
