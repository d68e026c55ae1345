import Fluent
import Foundation
import KaikuStore
import Vapor

/// The forms of `/staff/account` about signing in: setting up, turning off
/// and renewing two-factor sign-in, and making and revoking personal API
/// tokens. Every change is the signed-in user's own and is audited.
struct AccountSecurityController: RouteCollection {
    struct ProofForm: Content {
        var proof: String?
        var code: String?
    }

    struct TokenForm: Content {
        var name: String?
        var expiresAt: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.accountSecondFactor).pathComponents, use: setupPage)
        routes.post(SiteURL.staff(.accountSecondFactorAction(.start)).pathComponents, use: start)
        routes.post(SiteURL.staff(.accountSecondFactorAction(.confirm)).pathComponents, use: confirm)
        routes.post(SiteURL.staff(.accountSecondFactorAction(.disable)).pathComponents, use: disable)
        routes.post(SiteURL.staff(.accountSecondFactorAction(.recoveryCodes)).pathComponents, use: recoveryCodes)
        routes.post(SiteURL.staff(.accountTokens).pathComponents, use: createToken)
        routes.post(SiteURL.staff(.accountTokenRevoke(.key)).pathComponents, use: revokeToken)
    }

    func start(_ request: Request) async throws -> Response {
        try await SecondFactorEnrolment.restart(for: try await user(request), on: request)
        return request.redirect(to: SiteURL.staff(.accountSecondFactor).url(language: request.pageLanguage))
    }

    func setupPage(_ request: Request) async throws -> Response {
        try await setup(request, errorKey: nil, status: .ok)
    }

    func confirm(_ request: Request) async throws -> Response {
        let user = try await user(request)
        let form = (try? request.content.decode(ProofForm.self)) ?? ProofForm()
        do {
            let codes = try await SecondFactorEnrolment.confirm(form.code, for: user, on: request)
            return .html(AccountSecondFactorPage(context: request.pageContext, mode: .recoveryCodes(codes)).render())
        } catch SecondFactorCheck.Refusal.throttled {
            return try await setup(request, errorKey: "secondStep.error.throttledShort", status: .tooManyRequests)
        } catch SecondFactorCheck.Refusal.wrongCode {
            return try await setup(request, errorKey: "secondStep.error.wrong", status: .badRequest)
        }
    }

    func disable(_ request: Request) async throws -> Response {
        let user = try await user(request)
        if try await Organisation.find(user.organisationID, on: request.db)?.requireSecondFactor == true {
            return try await refusedProof(request, form: "disable", key: "account.secondFactor.error.required")
        }
        guard try await proven(request, user) else { return try await refusedProof(request, form: "disable") }
        try await SecondFactorEnrolment.remove(for: user, on: request)
        return request.redirect(to: SiteURL.staff(.account).url(language: request.pageLanguage, [("notice", "secondFactorOff")]))
    }

    func recoveryCodes(_ request: Request) async throws -> Response {
        let user = try await user(request)
        guard try await SecondFactors.isEnrolled(userID: user.requireID(), on: request.db) else {
            return request.redirect(to: SiteURL.staff(.account).url(language: request.pageLanguage))
        }
        guard try await proven(request, user) else { return try await refusedProof(request, form: "recovery") }
        let codes = try await SecondFactorEnrolment.regenerateRecoveryCodes(for: user, on: request)
        return .html(AccountSecondFactorPage(context: request.pageContext, mode: .recoveryCodes(codes)).render())
    }

    func createToken(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let form = (try? request.content.decode(TokenForm.self)) ?? TokenForm()
        var model = try await AccountController.model(request)
        do {
            let timeZone = model.security?.timeZone ?? .gmt
            let issued = try await PersonalTokenIssue.issue(name: form.name, expiresAt: try PersonalTokenIssue.expiry(form.expiresAt, timeZone: timeZone),
                                                            for: staff, on: request)
            model.security = try await AccountSecurityModel.load(staff, on: request)
            model.security?.newToken = issued.secret
            return .html(AccountPage(context: request.pageContext, model: model).render(), status: .created)
        } catch let error as FieldError {
            model.security?.errorForm = "token"
            model.security?.errorField = error.field
            model.security?.errorKey = error.status == .conflict ? "account.tokens.error.tooMany"
                : error.field == "name" ? "account.tokens.error.name" : "account.tokens.error.expiresAt"
            model.security?.tokenName = String((form.name ?? "").prefix(200))
            model.security?.tokenExpiry = String((form.expiresAt ?? "").prefix(40))
            return .html(AccountPage(context: request.pageContext, model: model).render(), status: error.status)
        }
    }

    func revokeToken(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        guard try await PersonalTokenIssue.revoke(id: request.parameters.get("id", as: UUID.self), for: staff, on: request) else {
            throw Abort(.notFound, reason: request.kaiku.catalogue.text("account.tokens.error.missing", request.pageLanguage))
        }
        return request.redirect(to: SiteURL.staff(.account).url(language: request.pageLanguage, [("notice", "tokenRevoked")]))
    }

    private func user(_ request: Request) async throws -> User {
        guard let user = try await User.find(try request.requireStaff().userID, on: request.db) else { throw Abort(.forbidden) }
        return user
    }

    private func proven(_ request: Request, _ user: User) async throws -> Bool {
        let form = (try? request.content.decode(ProofForm.self)) ?? ProofForm()
        do {
            return try await SecondFactorEnrolment.proves(form.proof, for: user, on: request)
        } catch SecondFactorCheck.Refusal.throttled {
            return false
        }
    }

    private func refusedProof(_ request: Request, form: String, key: String = "account.secondFactor.error.proof") async throws -> Response {
        var model = try await AccountController.model(request)
        model.security?.errorForm = form
        model.security?.errorKey = key
        return .html(AccountPage(context: request.pageContext, model: model).render(), status: .badRequest)
    }

    private func setup(_ request: Request, errorKey: String?, status: HTTPStatus) async throws -> Response {
        let user = try await user(request)
        guard let setup = try await SecondFactorEnrolment.setup(for: user, title: request.pageContext.t("secondFactor.setup.qrTitle"), on: request) else {
            return request.redirect(to: SiteURL.staff(.account).url(language: request.pageLanguage))
        }
        return .html(AccountSecondFactorPage(context: request.pageContext, mode: .setup(setup, errorKey: errorKey)).render(), status: status)
    }
}
