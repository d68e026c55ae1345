import Crypto
import Fluent
import Foundation
import KaikuStore
import Vapor

/// Sessions of the staff pages: an HttpOnly cookie holding a token whose
/// hash is kept in `user_tokens`, like the API's bearer tokens, so several
/// instances share sessions through the database and signing out ends one.
enum StaffSession {
    static let cookie = "kaiku_session"
    /// A random value in a cookie and in the sign-in form; they must match (double submit).
    static let loginCookie = "kaiku_login_csrf"
    static let languageCookie = "kaiku_lang"
    static let csrfField = "csrf"

    /// The CSRF token for a session: derived from the session token, which
    /// the page cannot read, so another site cannot compute it.
    static func csrfToken(forSession token: String) -> String {
        SHA256.hash(data: Array("kaiku-csrf:\(token)".utf8)).hex
    }

    /// Returns the stored session, which single sign-on ties to the provider's session.
    @discardableResult
    static func start(for user: User, on request: Request, response: Response) async throws -> UserToken {
        let token = TokenHash.newToken()
        let expiresAt = request.kaiku.clock.now.addingTimeInterval(request.kaiku.settings.sessionLifetime)
        let stored = UserToken(userID: try user.requireID(), tokenHash: TokenHash.of(token), expiresAt: expiresAt)
        try await stored.create(on: request.db)
        response.cookies[cookie] = makeCookie(token, request: request, maxAge: Int(request.kaiku.settings.sessionLifetime))
        response.cookies[loginCookie] = makeCookie("", request: request, maxAge: 0)
        return stored
    }

    static func end(on request: Request, response: Response) async throws {
        if let token = request.cookies[cookie]?.string {
            try await UserToken.query(on: request.db).filter(\.$tokenHash == TokenHash.of(token)).delete()
        }
        response.cookies[cookie] = makeCookie("", request: request, maxAge: 0)
    }

    static func makeCookie(_ value: String, request: Request, maxAge: Int, httpOnly: Bool = true) -> HTTPCookies.Value {
        HTTPCookies.Value(string: value, maxAge: maxAge, path: "/", isSecure: isSecure(request), isHTTPOnly: httpOnly, sameSite: .lax)
    }

    /// Cookies are `Secure` except on a loopback host, where the embedded
    /// demo serves plain HTTP and a browser would otherwise drop them.
    static func isSecure(_ request: Request) -> Bool {
        if let forced = request.kaiku.settings.secureCookies { return forced }
        let host = (request.headers.first(name: .host) ?? "").lowercased()
        let name = host.hasPrefix("[") ? String(host.prefix { $0 != "]" }.dropFirst()) : String(host.split(separator: ":").first ?? "")
        return !["127.0.0.1", "localhost", "::1"].contains(name)
    }
}

/// Signs in the staff member whose session cookie is valid.
struct SessionAuthenticator: AsyncRequestAuthenticator {
    func authenticate(request: Request) async throws {
        guard let token = request.cookies[StaffSession.cookie]?.string, !token.isEmpty,
              let stored = try await UserToken.query(on: request.db).filter(\.$tokenHash == TokenHash.of(token)).first(),
              stored.expiresAt > request.kaiku.clock.now,
              let user = try await User.find(stored.userID, on: request.db), user.mayUseSessions,
              let role = user.roleValue else { return }
        request.auth.login(StaffUser(userID: try user.requireID(), organisationID: user.organisationID, unitID: user.unitID, role: role, email: user.email))
        request.auth.login(SessionToken(csrf: StaffSession.csrfToken(forSession: token), email: user.email, role: role, name: user.displayName))
    }
}

/// What the pages need from the session besides the user: the CSRF token for their forms.
struct SessionToken: Authenticatable {
    var csrf: String
    var email: String
    /// So that the navigation offers only the pages the role may open.
    var role: User.Role
    /// The name the header shows; the e-mail when the user has none.
    var name: String?

    var shownName: String { name ?? email }
}
