import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/staff/account`: a signed-in staff member's own settings. Anyone may
/// subscribe to the monthly report; supervisors, who get it by default, may
/// opt out. The choice is written to the audit log.
struct AccountController: RouteCollection {
    struct Form: Content {
        var monthlyReport: String?
        var language: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.account).pathComponents, use: page)
        routes.post(SiteURL.staff(.account).pathComponents, use: save)
    }

    func page(_ request: Request) async throws -> Response {
        var model = try await load(request)
        model.justSaved = request.queryStrings["saved"] == "1"
        return .html(AccountPage(context: request.pageContext, model: model).render())
    }

    func save(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let form = (try? request.content.decode(Form.self)) ?? Form()
        switch AccountModel.parse(monthlyReport: form.monthlyReport, language: form.language) {
        case .failure(let field):
            var model = try await load(request)
            model.errorField = field.name
            return .html(AccountPage(context: request.pageContext, model: model).render(), status: .badRequest)
        case .success(let choice):
            guard let user = try await User.find(staff.userID, on: request.db) else { throw Abort(.forbidden) }
            let now = request.kaiku.clock.now
            try await request.db.writeTransaction { database in
                try await ReportSubscriptions.set(choice.receives, language: choice.language, for: user, now: now, on: database)
                try await AuditTrail.record(on: database, organisationID: staff.organisationID, at: now, actor: staff.auditActor,
                                            action: choice.receives ? "report.subscribe" : "report.unsubscribe", subject: user.email)
            }
            return request.redirect(to: SiteURL.staff(.account).url(language: request.pageLanguage, [("saved", "1")]))
        }
    }

    /// The page's model as it stands, for the sign-in forms' controller too.
    static func model(_ request: Request) async throws -> AccountModel { try await AccountController().load(request) }

    private func load(_ request: Request) async throws -> AccountModel {
        let staff = try request.requireStaff()
        guard let user = try await User.find(staff.userID, on: request.db),
              let organisation = try await Organisation.find(staff.organisationID, on: request.db) else { throw Abort(.forbidden) }
        let choice = try await ReportSubscriptions.find(userID: staff.userID, on: request.db)
        var model = AccountModel(email: user.email, role: staff.role, choice: choice,
                                 fallbackLanguage: organisation.offeredLanguages.contains(request.pageLanguage) ? request.pageLanguage : .fi)
        model.security = try await AccountSecurityModel.load(staff, on: request)
        return model
    }
}
