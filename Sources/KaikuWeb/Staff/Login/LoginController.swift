import KaikuStore
import Vapor

/// `/staff/login` and `/staff/logout`: the sign-in form with its own
/// double-submit token, and signing out, which ends the session everywhere.
struct LoginController: RouteCollection {
    /// The routes that need no session.
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.login).pathComponents, use: loginPage)
        routes.post(SiteURL.staff(.login).pathComponents, use: login)
    }

    /// Signing out is a form of a signed-in page and carries its CSRF token.
    struct SignedIn: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            routes.post(SiteURL.staff(.logout).pathComponents, use: LoginController.logout)
        }
    }

    struct LoginForm: Content {
        var email: String?
        var password: String?
        var csrf: String?
        var next: String?
    }

    func loginPage(_ request: Request) async throws -> Response {
        try await page(request, LoginModel(csrf: TokenHash.newToken(), next: LocalRedirect.path(request.query["next"])))
    }

    func login(_ request: Request) async throws -> Response {
        let form = (try? request.content.decode(LoginForm.self)) ?? LoginForm()
        let next = LocalRedirect.path(form.next)
        func refuse(_ key: String, _ status: HTTPStatus, _ arguments: [String: String] = [:]) async throws -> Response {
            try await page(request, LoginModel(csrf: TokenHash.newToken(), next: next, email: form.email ?? "", errorKey: key, errorArguments: arguments),
                 status: status)
        }
        // Double submit: the form's value must match the cookie set with the form.
        guard let sent = form.csrf, !sent.isEmpty, sent == request.cookies[StaffSession.loginCookie]?.string else {
            return try await refuse("staff.login.error.expired", .forbidden)
        }
        do {
            let user = try await SignIn.verify(email: form.email ?? "", password: form.password ?? "", on: request)
            if let secondStep = try await SecondStepController.redirect(for: user, next: next, on: request) { return secondStep }
            let response = request.redirect(to: next, redirectType: .normal)
            try await StaffSession.start(for: user, on: request, response: response)
            return response
        } catch SignIn.Refusal.throttled(let wait) {
            let response = try await refuse("staff.login.error.throttled", .tooManyRequests, ["seconds": String(wait)])
            response.headers.replaceOrAdd(name: "Retry-After", value: String(wait))
            return response
        } catch SignIn.Refusal.wrongCredentials {
            return try await refuse("staff.login.error.wrong", .unauthorized)
        } catch SignIn.Refusal.locked {
            return try await refuse("staff.login.error.locked", .forbidden)
        } catch SignIn.Refusal.deactivated {
            return try await refuse("staff.login.error.deactivated", .forbidden)
        } catch SignIn.Refusal.singleSignOnOnly {
            return try await refuse("staff.login.error.singleSignOnOnly", .forbidden)
        }
    }

    static func logout(_ request: Request) async throws -> Response {
        // Read before the session ends: a single sign-on session also signs out at the provider.
        let response = request.redirect(to: try await OIDCLogoutController.signOutAddress(request), redirectType: .normal)
        try await StaffSession.end(on: request, response: response)
        return response
    }

    /// The form with a fresh token in the page and in its cookie.
    private func page(_ request: Request, _ model: LoginModel, status: HTTPStatus = .ok) async throws -> Response {
        var model = model
        let configured = try await request.kaiku.oidc.configured(cipher: request.kaiku.cipher, on: request.db)
        // With one provider the button needs no organisation, as before there were several.
        model.singleSignOn = configured.count == 1 ? [.init(code: nil, name: nil)]
            : configured.map { .init(code: $0.organisation.code, name: $0.organisation.name[request.pageContext.language]) }
        let response = Response.html(LoginPage(context: request.pageContext, model: model).render(), status: status)
        response.cookies[StaffSession.loginCookie] = StaffSession.makeCookie(model.csrf, request: request, maxAge: 3_600)
        return response
    }
}
