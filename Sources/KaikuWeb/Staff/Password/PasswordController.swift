import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/staff/password/{token}`: the page of a one-time link from an
/// invitation or a password reset, open without a session (the token in the
/// address is the proof, so the form needs no other). A wrong or spent link
/// counts as a failed sign-in of its address (`LoginThrottle`), so links
/// cannot be guessed faster than passwords — not that 256 random bits could be.
struct PasswordController: RouteCollection {
    /// The throttle's name for link guesses from one address.
    static let throttleAccount = "#password-link"

    struct SetForm: Content {
        var password: String?
        var again: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.passwordSet).pathComponents, use: done)
        routes.get(SiteURL.staff(.password(.key)).pathComponents, use: page)
        routes.post(SiteURL.staff(.password(.key)).pathComponents, use: set)
    }

    func page(_ request: Request) async throws -> Response {
        switch try await lookUp(request) {
        case .refused(let response): return response
        case .valid(let link): return render(request, PasswordModel(state: .form(email: link.user.email, purpose: link.purpose), token: link.token))
        }
    }

    func set(_ request: Request) async throws -> Response {
        let link: Link
        switch try await lookUp(request) {
        case .refused(let response): return response
        case .valid(let found): link = found
        }
        let form = (try? request.content.decode(SetForm.self)) ?? SetForm()
        let password = form.password ?? ""
        if let refusal = PasswordModel.refusal(password: password, again: form.again ?? "") {
            return render(request, PasswordModel(state: .form(email: link.user.email, purpose: link.purpose), token: link.token, refusal: refusal),
                          status: .badRequest)
        }
        let hash = try await request.password.async.hash(password)
        let now = request.kaiku.clock.now
        let user = link.user
        let userID = try user.requireID()
        let tokenID = link.tokenID
        let changed = try await request.db.writeTransaction { database in
            guard try await PasswordTokens.redeem(tokenID: tokenID, userID: userID, passwordHash: hash, now: now, on: database) else { return false }
            try await AuditTrail.record(on: database, organisationID: user.organisationID, at: now, actor: .user(userID, email: user.email),
                                        action: "user.password-set", subject: user.email)
            return true
        }
        guard changed else { return render(request, PasswordModel(state: .spent), status: .gone) }
        return request.redirect(to: SiteURL.staff(.passwordSet).path, redirectType: .normal)
    }

    func done(_ request: Request) async throws -> Response {
        render(request, PasswordModel(state: .done))
    }

    /// A link that may still set a password, with whose.
    struct Link: Sendable {
        var tokenID: UUID
        var token: String
        var user: User
        var purpose: PasswordToken.Purpose
    }

    enum Outcome {
        case valid(Link)
        case refused(Response)
    }

    private func lookUp(_ request: Request) async throws -> Outcome {
        let now = request.kaiku.clock.now
        let address = request.clientAddress
        let throttle = request.kaiku.loginThrottle
        if let wait = await throttle.retryAfter(account: Self.throttleAccount, address: address, now: now) {
            let response = render(request, PasswordModel(state: .throttled(seconds: wait)), status: .tooManyRequests)
            response.headers.replaceOrAdd(name: "Retry-After", value: String(wait))
            return .refused(response)
        }
        var status = HTTPResponseStatus.notFound
        if let token = request.parameters.get("token"), token.count <= 100, PlainIdentifier.isPlain(token) {
            switch try await PasswordTokens.lookUp(tokenHash: TokenHash.of(token), now: now, on: request.db) {
            case .valid(let tokenID, let userID, let purpose):
                if let user = try await User.find(userID, on: request.db) {
                    return .valid(Link(tokenID: tokenID, token: token, user: user, purpose: purpose))
                }
                status = .gone
            case .spent: status = .gone
            case .unknown: break
            }
        }
        await throttle.recordFailure(account: Self.throttleAccount, address: address, now: now)
        return .refused(render(request, PasswordModel(state: .spent), status: status))
    }

    private func render(_ request: Request, _ model: PasswordModel, status: HTTPResponseStatus = .ok) -> Response {
        .html(PasswordPage(context: request.pageContext, model: model).render(), status: status)
    }
}
