import Foundation
import JWTKit

/// One organisation's provider: its discovery document and signing keys,
/// fetched on first use and cached, and the verification of its ID tokens.
actor OIDCProvider {
    let settings: OIDCProviderSettings
    let client: any OIDCProviderClient
    /// ID tokens are accepted this far outside their `iat`/`exp`, for clocks that differ a little.
    static let clockSkew: TimeInterval = 60
    /// A token naming an unknown key fetches the key set again at most this often,
    /// so that tokens with made-up key ids cannot make Kaiku hammer the provider.
    static let keyRefetchInterval: TimeInterval = 30
    static let discoveryLifetime: TimeInterval = 3_600

    private var discovered: (document: OIDCDiscovery, at: Date)?
    private var keys: JWTKeyCollection?
    private var keysFetchedAt: Date?

    init(settings: OIDCProviderSettings, client: any OIDCProviderClient) {
        self.settings = settings
        self.client = client
    }

    enum Rejection: Error, Equatable {
        case signature(String)
        case wrongIssuer
        case expired
        case issuedInFuture
        case wrongNonce
    }

    func discovery(now: Date) async throws -> OIDCDiscovery {
        if let discovered, now.timeIntervalSince(discovered.at) < Self.discoveryLifetime { return discovered.document }
        let document = try await client.discovery(at: settings.discoveryURL)
        guard document.issuer == settings.issuer else {
            throw OIDCProviderError("The discovery document names the issuer \(document.issuer), not \(settings.issuer).")
        }
        discovered = (document, now)
        return document
    }

    /// Verifies the signature (jwt-kit, against the provider's JWKS), the
    /// audience (must contain the client id), issuer, expiry, issue time and nonce.
    func verify(idToken: String, nonce: String?, now: Date) async throws -> OIDCIDToken {
        let token = try await verifySignature(idToken, as: OIDCIDToken.self, now: now)
        guard token.issuer.value == settings.issuer else { throw Rejection.wrongIssuer }
        do {
            try token.expiration.verifyNotExpired(currentDate: now.addingTimeInterval(-Self.clockSkew))
        } catch {
            throw Rejection.expired
        }
        guard token.issuedAt.value <= now.addingTimeInterval(Self.clockSkew) else { throw Rejection.issuedInFuture }
        if let nonce, token.nonce != nonce { throw Rejection.wrongNonce }
        return token
    }

    /// Verifies any token the provider signs for this client (ID tokens and logout tokens).
    func verifySignature<Payload: JWTIdentityToken>(_ jwt: String, as _: Payload.Type = Payload.self, now: Date) async throws -> Payload {
        let collection = try await keyCollection(now: now)
        do {
            return try await collection.verify(jwt, as: Payload.self, expectedAudience: settings.clientID)
        } catch let error as JWTError where error.errorType == .unknownKID || error.errorType == .signatureVerificationFailed {
            // The provider may have rotated its keys since they were fetched
            // (a token without a key id is tried with the first key, and fails).
            guard let fetched = keysFetchedAt, now.timeIntervalSince(fetched) >= Self.keyRefetchInterval else {
                throw Rejection.signature("unknown key id")
            }
            let fresh = try await fetchKeys(now: now)
            do {
                return try await fresh.verify(jwt, as: Payload.self, expectedAudience: settings.clientID)
            } catch {
                throw Rejection.signature(String(describing: error))
            }
        } catch let rejection as Rejection {
            throw rejection
        } catch {
            throw Rejection.signature(String(describing: error))
        }
    }

    private func keyCollection(now: Date) async throws -> JWTKeyCollection {
        if let keys { return keys }
        return try await fetchKeys(now: now)
    }

    private func fetchKeys(now: Date) async throws -> JWTKeyCollection {
        let document = try await discovery(now: now)
        keysFetchedAt = now
        let json = try await client.keySet(at: document.jwksURI)
        let set: JWKS
        do {
            set = try JSONDecoder().decode(JWKS.self, from: Data(json.utf8))
        } catch {
            throw OIDCProviderError("The provider's key set could not be read: \(error)")
        }
        let collection = JWTKeyCollection()
        // A key set may also hold encryption keys or kinds jwt-kit does not
        // sign with; those are skipped instead of failing every sign-in.
        for key in set.keys {
            _ = try? await collection.add(jwk: key)
        }
        keys = collection
        return collection
    }
}
