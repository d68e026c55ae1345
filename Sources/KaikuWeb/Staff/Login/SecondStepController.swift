import KaikuStore
import Vapor

/// `/staff/login/code` and `/staff/login/two-factor`: after a right password,
/// a user with a second factor types its code, and one whose organisation
/// requires it and who has none sets it up, before any session starts.
/// Only the browser holding the pending sign-in's cookie gets here.
struct SecondStepController: RouteCollection {
    struct Form: Content {
        var code: String?
        var csrf: String?
        var next: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.loginCode).pathComponents, use: codePage)
        routes.post(SiteURL.staff(.loginCode).pathComponents, use: code)
        routes.get(SiteURL.staff(.loginEnrol).pathComponents, use: enrolPage)
        routes.post(SiteURL.staff(.loginEnrol).pathComponents, use: enrol)
    }

    /// Where a right password leads when a second step is owed, or nil when the session may start.
    static func redirect(for user: User, next: String, on request: Request) async throws -> Response? {
        let url: SiteURL
        switch try await SecondFactorCheck.need(of: user, on: request.db) {
        case .none: return nil
        case .code: url = .staff(.loginCode)
        case .enrolment: url = .staff(.loginEnrol)
        }
        let response = request.redirect(to: url.url([("next", next)]), redirectType: .normal)
        try await PendingSignIns.start(for: user, on: request, response: response)
        return response
    }

    func codePage(_ request: Request) async throws -> Response {
        guard try await PendingSignIns.user(of: request) != nil else { return expired(request) }
        return page(request, SecondStepModel(mode: .code, csrf: TokenHash.newToken(), next: LocalRedirect.path(request.query["next"])))
    }

    func code(_ request: Request) async throws -> Response {
        let form = (try? request.content.decode(Form.self)) ?? Form()
        let next = LocalRedirect.path(form.next)
        guard let user = try await PendingSignIns.user(of: request) else { return expired(request) }
        guard Self.sameBrowser(form, request) else {
            return page(request, SecondStepModel(mode: .code, csrf: TokenHash.newToken(), next: next, errorKey: "staff.login.error.expired"), status: .forbidden)
        }
        do {
            try await SecondFactorCheck.verify(form.code, for: user, on: request)
            let response = request.redirect(to: next, redirectType: .normal)
            try await PendingSignIns.finish(for: user, on: request, response: response)
            return response
        } catch let refusal as SecondFactorCheck.Refusal {
            return refused(refusal, request, SecondStepModel(mode: .code, csrf: TokenHash.newToken(), next: next))
        }
    }

    func enrolPage(_ request: Request) async throws -> Response {
        guard let user = try await PendingSignIns.user(of: request) else { return expired(request) }
        let next = LocalRedirect.path(request.query["next"])
        guard let setup = try await SecondFactorEnrolment.setup(for: user, title: request.pageContext.t("secondFactor.setup.qrTitle"), on: request) else {
            return request.redirect(to: SiteURL.staff(.loginCode).url([("next", next)]))
        }
        return page(request, SecondStepModel(mode: .enrol(setup), csrf: TokenHash.newToken(), next: next))
    }

    func enrol(_ request: Request) async throws -> Response {
        let form = (try? request.content.decode(Form.self)) ?? Form()
        let next = LocalRedirect.path(form.next)
        guard let user = try await PendingSignIns.user(of: request) else { return expired(request) }
        guard let setup = try await SecondFactorEnrolment.setup(for: user, title: request.pageContext.t("secondFactor.setup.qrTitle"), on: request) else {
            return request.redirect(to: SiteURL.staff(.loginCode).url([("next", next)]), redirectType: .normal)
        }
        let model = SecondStepModel(mode: .enrol(setup), csrf: TokenHash.newToken(), next: next)
        guard Self.sameBrowser(form, request) else {
            var refused = model
            refused.errorKey = "staff.login.error.expired"
            return page(request, refused, status: .forbidden)
        }
        do {
            let codes = try await SecondFactorEnrolment.confirm(form.code, for: user, on: request)
            let response = page(request, SecondStepModel(mode: .recoveryCodes(codes), csrf: TokenHash.newToken(), next: next))
            try await PendingSignIns.finish(for: user, on: request, response: response)
            return response
        } catch let refusal as SecondFactorCheck.Refusal {
            return refused(refusal, request, model)
        }
    }

    /// Double submit, as on the sign-in form.
    private static func sameBrowser(_ form: Form, _ request: Request) -> Bool {
        guard let sent = form.csrf, !sent.isEmpty else { return false }
        return sent == request.cookies[StaffSession.loginCookie]?.string
    }

    private func refused(_ refusal: SecondFactorCheck.Refusal, _ request: Request, _ model: SecondStepModel) -> Response {
        var model = model
        switch refusal {
        case .throttled(let wait):
            model.errorKey = "staff.login.error.throttled"
            model.errorArguments = ["seconds": String(wait)]
            let response = page(request, model, status: .tooManyRequests)
            response.headers.replaceOrAdd(name: "Retry-After", value: String(wait))
            return response
        case .wrongCode:
            model.errorKey = "secondStep.error.wrong"
            return page(request, model, status: .unauthorized)
        }
    }

    /// The pending sign-in ended (or never was): back to the password.
    private func expired(_ request: Request) -> Response {
        request.redirect(to: SiteURL.staff(.login).path, redirectType: .normal)
    }

    private func page(_ request: Request, _ model: SecondStepModel, status: HTTPStatus = .ok) -> Response {
        let response = Response.html(SecondStepPage(context: request.pageContext, model: model).render(), status: status)
        response.cookies[StaffSession.loginCookie] = StaffSession.makeCookie(model.csrf, request: request, maxAge: 3_600)
        return response
    }
}
