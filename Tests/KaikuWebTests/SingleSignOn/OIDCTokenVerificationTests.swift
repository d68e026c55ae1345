import Foundation
import JWTKit
import XCTest
@testable import KaikuWeb

/// What the provider on loopback cannot show: tokens for another audience or
/// issuer, a bad nonce, expiry at the edge of the allowed skew, and key
/// rotation, against a provider whose keys the test makes (jwt-kit signs them).
final class OIDCTokenVerificationTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_800_000_000)
    private var idp = InProcessOIDCProvider()

    private func makeProvider() throws -> OIDCProvider {
        OIDCProvider(settings: try OIDCProviderSettings(issuer: InProcessOIDCProvider.issuer, clientID: InProcessOIDCProvider.clientID,
                                                        clientSecret: "s"), client: idp)
    }

    private func rejection(_ provider: OIDCProvider, _ jwt: String, nonce: String = "n-1", at time: Date? = nil) async -> OIDCProvider.Rejection? {
        do {
            _ = try await provider.verify(idToken: jwt, nonce: nonce, now: time ?? now)
            return nil
        } catch {
            return error as? OIDCProvider.Rejection
        }
    }

    func testTokenOfThisClientSignedWithThePublishedKeyIsAccepted() async throws {
        let provider = try makeProvider()
        let jwt = try await idp.sign(InProcessOIDCProvider.idToken(now: now))
        let token = try await provider.verify(idToken: jwt, nonce: "n-1", now: now)
        XCTAssertEqual(token.subject.value, "user-1")
        XCTAssertEqual(token.emailVerified?.value, true)
    }

    func testTokenForAnotherAudienceIsRefused() async throws {
        let provider = try makeProvider()
        let other = try await idp.sign(InProcessOIDCProvider.idToken(now: now) { $0.audience = AudienceClaim(value: ["another-app"]) })
        guard case .signature = await rejection(provider, other) else { return XCTFail("a token for another audience was accepted") }
        let extra = try await idp.sign(InProcessOIDCProvider.idToken(now: now) { $0.audience = AudienceClaim(value: ["kaiku", "another-app"]) })
        guard case .signature = await rejection(provider, extra) else { return XCTFail("a token also for an untrusted audience was accepted") }
    }

    func testTokenFromAnotherIssuerIsRefused() async throws {
        let provider = try makeProvider()
        let jwt = try await idp.sign(InProcessOIDCProvider.idToken(now: now) { $0.issuer = IssuerClaim(value: "https://evil.example") })
        let refused = await rejection(provider, jwt)
        XCTAssertEqual(refused, .wrongIssuer)
    }

    func testWrongOrMissingNonceIsRefused() async throws {
        let provider = try makeProvider()
        let jwt = try await idp.sign(InProcessOIDCProvider.idToken(now: now, nonce: "someone-elses"))
        let wrong = await rejection(provider, jwt)
        XCTAssertEqual(wrong, .wrongNonce)
        let missing = try await idp.sign(InProcessOIDCProvider.idToken(now: now) { $0.nonce = nil })
        let absent = await rejection(provider, missing)
        XCTAssertEqual(absent, .wrongNonce)
    }

    func testExpiryAllowsAMinuteOfClockSkewAndNoMore() async throws {
        let provider = try makeProvider()
        let jwt = try await idp.sign(InProcessOIDCProvider.idToken(now: now))
        let withinSkew = await rejection(provider, jwt, at: now.addingTimeInterval(300 + 50))
        XCTAssertNil(withinSkew)
        let expired = await rejection(provider, jwt, at: now.addingTimeInterval(300 + 70))
        XCTAssertEqual(expired, .expired)
        let future = try await idp.sign(InProcessOIDCProvider.idToken(now: now.addingTimeInterval(120)))
        let early = await rejection(provider, future)
        XCTAssertEqual(early, .issuedInFuture)
    }

    func testRotatedSigningKeyIsFetchedOnceAndAccepted() async throws {
        let provider = try makeProvider()
        _ = try await provider.verify(idToken: try await idp.sign(InProcessOIDCProvider.idToken(now: now)), nonce: "n-1", now: now)
        await idp.rotate()
        let later = now.addingTimeInterval(OIDCProvider.keyRefetchInterval)
        let rotated = try await idp.sign(InProcessOIDCProvider.idToken(now: later))
        let token = try await provider.verify(idToken: rotated, nonce: "n-1", now: later)
        XCTAssertEqual(token.subject.value, "user-1")
        let fetches = await idp.keyFetches
        XCTAssertEqual(fetches, 2)
    }

    func testUnknownKeyIdsDoNotMakeKaikuFetchKeysAgainAndAgain() async throws {
        let provider = try makeProvider()
        _ = try await provider.verify(idToken: try await idp.sign(InProcessOIDCProvider.idToken(now: now)), nonce: "n-1", now: now)
        for second in 1...5 {
            let forged = try await idp.sign(InProcessOIDCProvider.idToken(now: now), kid: "made-up-\(second)", key: ES256PrivateKey())
            guard case .signature = await rejection(provider, forged, at: now.addingTimeInterval(Double(second))) else {
                return XCTFail("a token with an unknown key id was accepted")
            }
        }
        let fetches = await idp.keyFetches
        XCTAssertEqual(fetches, 1)
    }

    func testTokenSignedByAnotherKeyUnderThePublishedKeyIdIsRefused() async throws {
        let provider = try makeProvider()
        let forged = try await idp.sign(InProcessOIDCProvider.idToken(now: now), kid: "key-1", key: ES256PrivateKey())
        guard case .signature = await rejection(provider, forged) else { return XCTFail("a token signed by a stranger's key was accepted") }
    }

    func testIssuerOverPlainHTTPIsAcceptedOnlyOnLoopback() throws {
        XCTAssertNoThrow(try OIDCProviderSettings(issuer: "http://127.0.0.1:9400", clientID: "c", clientSecret: "s"))
        XCTAssertNoThrow(try OIDCProviderSettings(issuer: "http://[::1]:9400/", clientID: "c", clientSecret: "s"))
        XCTAssertThrowsError(try OIDCProviderSettings(issuer: "http://login.county.example", clientID: "c", clientSecret: "s"))
        XCTAssertThrowsError(try OIDCProviderSettings(issuer: "ftp://127.0.0.1", clientID: "c", clientSecret: "s"))
        let entra = try OIDCProviderSettings(issuer: "https://login.microsoftonline.com/tenant/v2.0/", clientID: "c", clientSecret: "s")
        XCTAssertEqual(entra.discoveryURL, "https://login.microsoftonline.com/tenant/v2.0/.well-known/openid-configuration")
    }

    func testEnvironmentMustNameAllThreeVariables() throws {
        XCTAssertNil(try OIDCProviderSettings.fromEnvironment([:]))
        XCTAssertThrowsError(try OIDCProviderSettings.fromEnvironment(["KAIKU_OIDC_ISSUER": "https://idp.example"])) { error in
            XCTAssertEqual((error as? SettingsProblem)?.variable, "KAIKU_OIDC_CLIENT_ID")
        }
        let settings = try OIDCProviderSettings.fromEnvironment(["KAIKU_OIDC_ISSUER": "https://idp.example", "KAIKU_OIDC_CLIENT_ID": "kaiku",
                                                                 "KAIKU_OIDC_CLIENT_SECRET": "x", "KAIKU_OIDC_TRUST_EMAIL": "true"])
        XCTAssertEqual(settings?.trustsEmailClaims, true)
    }
}
