import Foundation
import KaikuStore
import Vapor

/// The provider ends Kaiku sessions: `POST /staff/oidc/backchannel-logout`
/// with a signed `logout_token` ends the sessions it names. And signing out
/// of Kaiku ends the provider's session too, where the provider offers that.
struct OIDCLogoutController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(SiteURL.staff(.oidcBackchannelLogout).pathComponents, use: backchannelLogout)
    }

    struct LogoutForm: Content {
        var logoutToken: String?

        enum CodingKeys: String, CodingKey {
            case logoutToken = "logout_token"
        }
    }

    func backchannelLogout(_ request: Request) async throws -> Response {
        let signOn = request.kaiku.oidc
        let form = (try? request.content.decode(LogoutForm.self)) ?? LogoutForm()
        guard let jwt = OIDCController.bounded(form.logoutToken) else {
            return Self.answer(.badRequest, "logout_token is missing or too long")
        }
        let now = request.kaiku.clock.now
        // The token names its issuer; each organisation with that issuer tries it
        // with its own keys and client id, so only the one it was signed for acts on it.
        let issuer = OIDCProvisioning.payload(of: jwt)["iss"] as? String
        let candidates = try await signOn.configured(cipher: request.kaiku.cipher, on: request.db).filter { $0.settings.issuer == issuer }
        guard !candidates.isEmpty else { return Self.answer(.badRequest, "the logout token was not accepted") }
        for configured in candidates {
            let token: OIDCLogoutToken
            do {
                token = try await signOn.provider(configured).verify(logoutToken: jwt, now: now)
            } catch {
                request.logger.notice("back-channel logout refused: \(error)")
                continue
            }
            let expiry = token.expiration?.value ?? token.issuedAt.value.addingTimeInterval(OIDCProvider.logoutTokenAge)
            guard try await OIDCSeenLogoutTokens.firstUse(issuer: configured.settings.issuer, jti: token.jti ?? "",
                                                          expiresAt: max(expiry, now).addingTimeInterval(OIDCProvider.logoutTokenAge),
                                                          now: now, on: request.db) else {
                request.logger.notice("back-channel logout refused: the token was already used")
                return Self.answer(.badRequest, "the logout token was already used")
            }
            let ended = try await SingleSignOnSessions.end(
                organisationID: try configured.organisation.requireID(), issuer: configured.settings.issuer,
                providerSession: token.sessionID, subject: token.subject.map { String($0.value.prefix(255)) }, on: request.db)
            request.logger.info("back-channel logout ended \(ended) staff session(s)")
            return Self.answer(.ok, "")
        }
        return Self.answer(.badRequest, "the logout token was not accepted")
    }

    /// Where signing out sends the browser: the provider's end-session address
    /// when the session came from it and it has one, else the sign-in page.
    static func signOutAddress(_ request: Request) async throws -> String {
        let signIn = SiteURL.staff(.login).path
        guard let cookie = request.cookies[StaffSession.cookie]?.string, !cookie.isEmpty,
              let session = try await SingleSignOnSessions.session(tokenHash: TokenHash.of(cookie), on: request.db),
              let configured = try await request.kaiku.oidc.configured(organisationID: session.organisationID,
                                                                        cipher: request.kaiku.cipher, on: request.db),
              session.issuer == configured.settings.issuer,
              let discovery = try? await request.kaiku.oidc.provider(configured).discovery(now: request.kaiku.clock.now),
              let endpoint = discovery.endSessionEndpoint, var address = URLComponents(string: endpoint)
        else { return signIn }
        let base = OIDCSignOn.redirectURI(request).replacingOccurrences(of: SiteURL.staff(.oidcCallback).path, with: "")
        address.queryItems = (address.queryItems ?? []) + [
            URLQueryItem(name: "id_token_hint", value: session.idToken),
            URLQueryItem(name: "client_id", value: configured.settings.clientID),
            URLQueryItem(name: "post_logout_redirect_uri", value: base + signIn),
        ]
        return address.string ?? signIn
    }

    private static func answer(_ status: HTTPStatus, _ message: String) -> Response {
        let response = Response(status: status, body: .init(string: message))
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        response.headers.contentType = .plainText
        return response
    }
}
