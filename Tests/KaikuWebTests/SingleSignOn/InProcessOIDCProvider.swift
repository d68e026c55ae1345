import Foundation
import JWTKit
@testable import KaikuWeb

/// An identity provider the tests own, answering through `OIDCProviderClient`:
/// it signs tokens with keys the test makes and can rotate them, which
/// `oidc-provider-mock` cannot.
actor InProcessOIDCProvider: OIDCProviderClient {
    static let issuer = "https://idp.county.example"
    static let clientID = "kaiku"
    private var privateKey = ES256PrivateKey()
    private var kid = "key-1"
    private var generation = 1
    /// How often Kaiku fetched the key set.
    private(set) var keyFetches = 0

    func discovery(at url: String) async throws -> OIDCDiscovery {
        OIDCDiscovery(issuer: Self.issuer, authorizationEndpoint: Self.issuer + "/authorize", tokenEndpoint: Self.issuer + "/token",
                      jwksURI: Self.issuer + "/jwks", endSessionEndpoint: Self.issuer + "/logout")
    }

    func keySet(at url: String) async throws -> String {
        keyFetches += 1
        guard let parameters = privateKey.parameters else { throw OIDCProviderError("no key parameters") }
        let key = JWK.ecdsa(.es256, identifier: JWKIdentifier(string: kid), x: parameters.x, y: parameters.y, curve: .p256)
        return String(decoding: try JSONEncoder().encode(JWKS(keys: [key])), as: UTF8.self)
    }

    func exchange(_ exchange: OIDCCodeExchange, at tokenEndpoint: String, clientID: String, clientSecret: String,
                  basicAuthentication: Bool) async throws -> OIDCTokenResponse {
        throw OIDCProviderError("the in-process provider issues tokens through sign(_:) only")
    }

    /// A new signing key with a new key id; the old one is no longer published.
    func rotate() {
        generation += 1
        privateKey = ES256PrivateKey()
        kid = "key-\(generation)"
    }

    func sign(_ payload: some JWTPayload, kid override: String? = nil, key stranger: ES256PrivateKey? = nil) async throws -> String {
        let keys = JWTKeyCollection()
        let id = JWKIdentifier(string: override ?? kid)
        await keys.add(ecdsa: stranger ?? privateKey, kid: id)
        return try await keys.sign(payload, kid: id)
    }

    /// An ID token as the provider issues it, with changes the test makes.
    static func idToken(now: Date, nonce: String = "n-1", change: (inout OIDCIDToken) -> Void = { _ in }) -> OIDCIDToken {
        var token = OIDCIDToken(issuer: IssuerClaim(value: issuer), subject: SubjectClaim(value: "user-1"),
                                audience: AudienceClaim(value: [clientID]), expiration: ExpirationClaim(value: now.addingTimeInterval(300)),
                                issuedAt: IssuedAtClaim(value: now), nonce: nonce, email: "hoitaja@county.example",
                                emailVerified: FlexibleBool(true), sessionID: "sid-1")
        change(&token)
        return token
    }
}
