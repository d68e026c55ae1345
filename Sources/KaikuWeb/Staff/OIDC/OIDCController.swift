import Crypto
import Foundation
import KaikuStore
import Vapor

/// `/staff/oidc/login?org=CODE` sends the browser to that organisation's
/// provider (authorization code flow with PKCE, `state` and `nonce`);
/// `/staff/oidc/callback` takes the provider's answer and signs the user in
/// to that organisation only.
struct OIDCController: RouteCollection {
    /// Binds a started sign-in to the browser that started it.
    static let browserCookie = "kaiku_oidc"
    /// Long enough to type a password and answer a second factor at the provider.
    static let pendingLifetime: TimeInterval = 15 * 60

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.oidcLogin).pathComponents, use: login)
        routes.get(SiteURL.staff(.oidcCallback).pathComponents, use: callback)
    }

    func login(_ request: Request) async throws -> Response {
        let signOn = request.kaiku.oidc
        let now = request.kaiku.clock.now
        let all = try await signOn.configured(cipher: request.kaiku.cipher, on: request.db)
        let code = Self.bounded(request.queryStrings["org"])
        let chosen: OIDCSignOn.Configured?
        if let code {
            chosen = all.first { $0.organisation.code == code }
        } else {
            chosen = all.count == 1 ? all.first : nil
        }
        guard let configured = chosen, let organisationID = configured.organisation.id else {
            return refuse(request, all.isEmpty || code != nil ? "staff.oidc.refused.notConfigured" : "staff.oidc.refused.chooseOrganisation",
                          all.isEmpty || code != nil ? .notFound : .badRequest)
        }
        let provider = await signOn.provider(configured)
        let discovery: OIDCDiscovery
        do {
            discovery = try await provider.discovery(now: now)
        } catch {
            request.logger.warning("single sign-on: discovery failed: \(error)")
            return refuse(request, "staff.oidc.refused.unavailable", .badGateway)
        }
        guard var address = URLComponents(string: discovery.authorizationEndpoint) else {
            return refuse(request, "staff.oidc.refused.unavailable", .badGateway)
        }
        let state = TokenHash.newToken(), nonce = TokenHash.newToken(), verifier = TokenHash.newToken(), browser = TokenHash.newToken()
        let redirectURI = OIDCSignOn.redirectURI(request)
        try await OIDCPendingSignIns.sweep(now: now, on: request.db)
        try await OIDCPendingSignIns.add(OIDCPendingSignIn(
            stateHash: TokenHash.of(state), browserHash: TokenHash.of(browser), organisationID: organisationID, nonce: nonce,
            codeVerifier: verifier, redirectURI: redirectURI, next: LocalRedirect.path(request.query["next"]),
            expiresAt: now.addingTimeInterval(Self.pendingLifetime)), on: request.db)
        address.queryItems = (address.queryItems ?? []) + [
            URLQueryItem(name: "response_type", value: "code"),
            URLQueryItem(name: "client_id", value: configured.settings.clientID),
            URLQueryItem(name: "redirect_uri", value: redirectURI),
            URLQueryItem(name: "scope", value: "openid email profile"),
            URLQueryItem(name: "state", value: state),
            URLQueryItem(name: "nonce", value: nonce),
            URLQueryItem(name: "code_challenge", value: Self.challenge(verifier)),
            URLQueryItem(name: "code_challenge_method", value: "S256"),
        ]
        let response = Response(status: .seeOther)
        response.headers.replaceOrAdd(name: .location, value: address.string ?? discovery.authorizationEndpoint)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        response.cookies[Self.browserCookie] = StaffSession.makeCookie(browser, request: request, maxAge: Int(Self.pendingLifetime))
        return response
    }

    func callback(_ request: Request) async throws -> Response {
        let signOn = request.kaiku.oidc
        let now = request.kaiku.clock.now
        guard let state = Self.bounded(request.queryStrings["state"]),
              let pending = try await OIDCPendingSignIns.take(stateHash: TokenHash.of(state), now: now, on: request.db),
              let browser = request.cookies[Self.browserCookie]?.string, TokenHash.of(browser) == pending.browserHash else {
            return refuse(request, "staff.oidc.refused.state", .badRequest)
        }
        guard let configured = try await signOn.configured(organisationID: pending.organisationID, cipher: request.kaiku.cipher, on: request.db) else {
            return refuse(request, "staff.oidc.refused.notConfigured", .notFound)
        }
        guard let code = Self.bounded(request.queryStrings["code"]) else {
            // The provider's own `error` (the person cancelled, or may not use the application).
            return refuse(request, "staff.oidc.refused.provider", .forbidden)
        }
        let provider = await signOn.provider(configured)
        let token: OIDCIDToken, idToken: String
        do {
            let discovery = try await provider.discovery(now: now)
            let answer = try await provider.client.exchange(
                OIDCCodeExchange(code: code, redirectURI: pending.redirectURI, codeVerifier: pending.codeVerifier),
                at: discovery.tokenEndpoint, clientID: configured.settings.clientID,
                clientSecret: configured.settings.clientSecret, basicAuthentication: discovery.usesBasicAuthentication)
            guard let received = answer.idToken, received.utf8.count <= 16_384 else {
                throw OIDCProviderError("The token answer has no usable id_token.")
            }
            idToken = received
            token = try await provider.verify(idToken: idToken, nonce: pending.nonce, now: now)
        } catch {
            request.logger.notice("single sign-on refused: \(error)")
            return refuse(request, "staff.oidc.refused.provider", .unauthorized)
        }
        switch try await OIDCUserMatch.find(token, configured: configured, idToken: idToken, now: now, on: request.db) {
        case .refused(let key):
            return refuse(request, key, .forbidden)
        case .user(let user):
            let response = Response(status: .seeOther)
            response.headers.replaceOrAdd(name: .location, value: pending.next)
            let session = try await StaffSession.start(for: user, on: request, response: response)
            try await SingleSignOnSession(
                userTokenID: try session.requireID(), organisationID: pending.organisationID,
                issuer: configured.settings.issuer, subject: String(token.subject.value.prefix(255)),
                providerSession: token.sessionID.map { String($0.prefix(255)) }, idToken: idToken
            ).create(on: request.db)
            response.cookies[Self.browserCookie] = StaffSession.makeCookie("", request: request, maxAge: 0)
            return response
        }
    }

    private func refuse(_ request: Request, _ key: String, _ status: HTTPStatus) -> Response {
        let response = Response.html(OIDCRefusalPage(context: request.pageContext, reasonKey: key).render(), status: status)
        response.cookies[Self.browserCookie] = StaffSession.makeCookie("", request: request, maxAge: 0)
        return response
    }

    /// RFC 7636: the challenge is the verifier's SHA-256, base64url without padding.
    static func challenge(_ verifier: String) -> String {
        Data(SHA256.hash(data: Array(verifier.utf8))).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Query values from the provider (or anyone) are bounded before use.
    static func bounded(_ value: String?) -> String? {
        guard let value, !value.isEmpty, value.utf8.count <= 4_096 else { return nil }
        return value
    }
}
