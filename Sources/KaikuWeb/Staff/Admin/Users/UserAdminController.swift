import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/staff/admin/users/{id}`: one user's page and its forms, each posted to
/// its own address and answered with a redirect back to the page and its
/// result (`?done=`). Steps that shut someone out or send e-mail show a
/// confirmation first and act only on its own post. The same rules as the
/// API (`UserAdministration`).
struct UserAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.adminUser(.key)).pathComponents, use: page)
        for action in SiteURL.UserFormAction.allCases {
            routes.post(SiteURL.staff(.adminUserAction(.key, action)).pathComponents) { request in
                try await perform(action, request)
            }
        }
    }

    func page(_ request: Request) async throws -> Response {
        let admin = try await UsersAdminController.administrator(request)
        let user = try await admin.managedUser(request.parameters.get("id", as: UUID.self))
        let notice = request.queryStrings["done"].flatMap(UserNotice.init(rawValue:))
        return try await render(request, admin: admin, user: user) { $0.notice = notice }
    }

    private func perform(_ action: SiteURL.UserFormAction, _ request: Request) async throws -> Response {
        let admin = try await UsersAdminController.administrator(request)
        let user = try await admin.managedUser(request.parameters.get("id", as: UUID.self))
        let form = (try? request.content.decode(UserDetailsForm.self)) ?? UserDetailsForm()
        if UserModel.asksFirst(action), !form.confirmed {
            return try await render(request, admin: admin, user: user) { $0.confirming = action }
        }
        do {
            let notice: UserNotice
            switch action {
            case .details:
                var change = admin.isSelf(user)
                    ? UserAdministration.Change(name: form.name)
                    : UserAdministration.Change(role: form.role, unit: form.unit, name: form.name)
                // The box is on the page only for administrators of the whole organisation, about administrators.
                if admin.scope.isOrganisationAdministrator, user.roleValue == .administrator { change.breakGlass = form.breakGlass != nil }
                _ = try await admin.update(user, change)
                notice = .saved
            case .deactivate:
                _ = try await admin.update(user, .init(active: false))
                notice = .deactivated
            case .reactivate:
                _ = try await admin.update(user, .init(active: true))
                notice = .reactivated
            case .unlock:
                try await admin.unlock(user)
                notice = .unlocked
            case .passwordReset:
                notice = try await admin.sendPasswordLink(user, language: form.language) == .invitation ? .invitation : .passwordReset
            case .endSessions:
                try await admin.endSessions(user)
                notice = .sessionsEnded
            }
            let back = SiteURL.staff(.adminUser(.value(try user.requireID()))).url([("done", notice.rawValue)])
            return request.redirect(to: back + "#notice", redirectType: .normal)
        } catch let error as FieldError {
            // Shown with what was sent, on the page as it stands (nothing was changed).
            let fresh = try await admin.managedUser(user.id)
            let problem = UsersModel.Problem(field: error.field ?? "name", message: UsersAdminController.message(for: error, request: request))
            return try await render(request, admin: admin, user: fresh, status: error.status) { model in
                model.problem = problem
                if action == .details { model.form = UserDetailsForm(name: form.name, role: form.role ?? model.role, unit: form.unit ?? model.unit) }
            }
        }
    }

    private func render(_ request: Request, admin: UserAdministration, user: User, status: HTTPResponseStatus = .ok,
                        adjust: (inout UserModel) -> Void) async throws -> Response {
        let context = request.pageContext
        var model = try await UserQuery.load(user, scope: admin.scope, context: context, on: request.db)
        adjust(&model)
        return .html(UserPage(context: context, model: model).render(), status: status)
    }
}
