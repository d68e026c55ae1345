import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/staff/admin/users`: the administrator's users list and the "Add user"
/// form. The same rules as `POST /api/v1/users` (`UserAdministration`); an
/// added user is shown on their own page, with the invitation on its way.
struct UsersAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.adminUsers).pathComponents, use: list)
        routes.post(SiteURL.staff(.adminUsers).pathComponents, use: add)
    }

    func list(_ request: Request) async throws -> Response {
        let admin = try await Self.administrator(request)
        return try await render(request, admin: admin)
    }

    func add(_ request: Request) async throws -> Response {
        let admin = try await Self.administrator(request)
        let form = (try? request.content.decode(UserAddForm.self)) ?? UserAddForm()
        do {
            let user = try await admin.create(.init(email: form.email ?? "", password: nil, role: form.role ?? "", unit: form.unit ?? "",
                                                    name: form.name, language: form.language))
            let page = SiteURL.staff(.adminUser(.value(try user.requireID()))).url([("done", UserNotice.created.rawValue)])
            return request.redirect(to: page + "#notice", redirectType: .normal)
        } catch let error as FieldError {
            let problem = UsersModel.Problem(field: error.field ?? "email", message: Self.message(for: error, request: request))
            return try await render(request, admin: admin, form: form, problem: problem, status: error.status)
        }
    }

    private func render(_ request: Request, admin: UserAdministration, form: UserAddForm = UserAddForm(), problem: UsersModel.Problem? = nil,
                        status: HTTPResponseStatus = .ok) async throws -> Response {
        let context = request.pageContext
        let filters = UsersFilters { [query = request.queryStrings] in query[$0] }
        var model = try await UsersQuery.load(filters, scope: admin.scope, context: context, on: request.db)
        model.form = form
        model.problem = problem
        return .html(UsersPage(context: context.at(.staff(.adminUsers), filters.query), model: model).render(), status: status)
    }

    /// Only administrators; anyone else gets the 403 page.
    static func administrator(_ request: Request) async throws -> UserAdministration {
        try await UserAdministration.of(request, forbidden: request.kaiku.catalogue.text("staff.users.forbidden", request.pageLanguage))
    }

    /// A refused field in the reader's language; the API's English where no sentence of our own fits better.
    static func message(for error: FieldError, request: Request) -> String {
        let t = Texts(catalogue: request.kaiku.catalogue, language: request.pageLanguage)
        switch (error.status, error.field) {
        case (.conflict, "email"): return t("staff.users.error.emailTaken")
        case (.conflict, "active"), (.conflict, "role"), (.conflict, "unit"): return t("staff.users.error.self")
        case (_, "email"): return t("staff.users.error.email")
        case (_, "name"): return t("staff.users.error.name")
        case (_, "role"): return t("staff.users.error.role")
        case (_, "unit"): return t("staff.users.error.unit")
        case (_, "language"): return t("staff.users.error.language")
        default: return error.message
        }
    }
}
