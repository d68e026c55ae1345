import Foundation

/// The HTTP a sign-in needs from an identity provider, behind a protocol so
/// that tests can also run a provider of their own making in-process.
public protocol OIDCProviderClient: Sendable {
    /// The document at `url`, the issuer's `/.well-known/openid-configuration`.
    func discovery(at url: String) async throws -> OIDCDiscovery
    /// The JWKS document as JSON text, handed to jwt-kit as it is.
    func keySet(at url: String) async throws -> String
    func exchange(_ exchange: OIDCCodeExchange, at tokenEndpoint: String, clientID: String, clientSecret: String,
                  basicAuthentication: Bool) async throws -> OIDCTokenResponse
}

/// Why talking to the provider failed, in words for the log; the person signing in sees a general page.
public struct OIDCProviderError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
