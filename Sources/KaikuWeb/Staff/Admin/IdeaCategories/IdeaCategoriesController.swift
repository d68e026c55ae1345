import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/staff/admin/idea-categories`: the organisation's idea categories — the
/// six defaults renamed as the organisation calls them, and its own added
/// (administrators of the whole organisation). Audited as `idea-category.*`.
struct IdeaCategoriesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.adminIdeaCategories).pathComponents, use: page)
        routes.post(SiteURL.staff(.adminIdeaCategories).pathComponents, use: add)
        routes.post(SiteURL.staff(.adminIdeaCategory(.key)).pathComponents, use: rename)
    }

    func page(_ request: Request) async throws -> Response {
        let scope = try await SettingsController.requireOrganisationAdministrator(request)
        let notice = request.queryStrings["saved"].flatMap(IdeaCategoriesModel.Notice.init(rawValue:))
        return try await render(request, scope: scope) { $0.notice = notice }
    }

    func add(_ request: Request) async throws -> Response {
        let scope = try await SettingsController.requireOrganisationAdministrator(request)
        let form = CodedNameForm.decode(from: request)
        let code = form.trimmedCode
        let existing = try await IdeaCategories.codes(organisationID: scope.staff.organisationID, on: request.db)
        let checked = IdeaCategoriesModel.checkedName(form.name, form: IdeaCategoriesModel.addForm)
        let problem = IdeaCategoriesModel.codeProblem(code, existing: existing) ?? { if case .failure(let problem) = checked { problem } else { nil } }()
        guard problem == nil, case .success(let name) = checked else {
            return try await render(request, scope: scope, status: .badRequest) { model in
                model.problem = problem
                model.draftCode = code
                model.draftName = form.name
            }
        }
        try await IdeaCategories.save(code: code, name: name, organisationID: scope.staff.organisationID, actor: scope.staff.auditActor,
                                      at: request.kaiku.clock.now, on: request.db)
        return request.redirect(to: SiteURL.staff(.adminIdeaCategories).url([("saved", "added")]) + "#category-\(code)")
    }

    func rename(_ request: Request) async throws -> Response {
        let scope = try await SettingsController.requireOrganisationAdministrator(request)
        let existing = try await IdeaCategories.codes(organisationID: scope.staff.organisationID, on: request.db)
        guard let code = request.parameters.get("code"), existing.contains(code) else { throw Abort(.notFound) }
        let form = CodedNameForm.decode(from: request)
        switch IdeaCategoriesModel.checkedName(form.name, form: code) {
        case .failure(let problem):
            return try await render(request, scope: scope, status: .badRequest) { model in
                model.problem = problem
                if let index = model.entries.firstIndex(where: { $0.code == code }) { model.entries[index].name = form.name }
            }
        case .success(let name):
            try await IdeaCategories.save(code: code, name: name, organisationID: scope.staff.organisationID, actor: scope.staff.auditActor,
                                          at: request.kaiku.clock.now, on: request.db)
            return request.redirect(to: SiteURL.staff(.adminIdeaCategories).url([("saved", "renamed")]) + "#rename-\(code)")
        }
    }

    private func render(_ request: Request, scope: StaffScope, status: HTTPResponseStatus = .ok,
                        adjust: (inout IdeaCategoriesModel) -> Void) async throws -> Response {
        let catalogue = request.kaiku.catalogue
        let categories = try await IdeaCategories.entries(organisationID: scope.staff.organisationID, on: request.db)
        var model = IdeaCategoriesModel(entries: IdeaCategoriesModel.entries(categories) { code, language in
            catalogue.text("idea.category.\(code)", language)
        })
        adjust(&model)
        return .html(IdeaCategoriesPage(context: request.pageContext, model: model).render(), status: status)
    }
}
