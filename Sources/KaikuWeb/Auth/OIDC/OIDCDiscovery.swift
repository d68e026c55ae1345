import Foundation

/// The part of a provider's `/.well-known/openid-configuration` Kaiku uses.
public struct OIDCDiscovery: Codable, Sendable, Equatable {
    public var issuer: String
    public var authorizationEndpoint: String
    public var tokenEndpoint: String
    public var jwksURI: String
    public var endSessionEndpoint: String?
    public var tokenEndpointAuthMethods: [String]?

    public init(issuer: String, authorizationEndpoint: String, tokenEndpoint: String, jwksURI: String,
                endSessionEndpoint: String? = nil, tokenEndpointAuthMethods: [String]? = nil) {
        self.issuer = issuer
        self.authorizationEndpoint = authorizationEndpoint
        self.tokenEndpoint = tokenEndpoint
        self.jwksURI = jwksURI
        self.endSessionEndpoint = endSessionEndpoint
        self.tokenEndpointAuthMethods = tokenEndpointAuthMethods
    }

    enum CodingKeys: String, CodingKey {
        case issuer
        case authorizationEndpoint = "authorization_endpoint"
        case tokenEndpoint = "token_endpoint"
        case jwksURI = "jwks_uri"
        case endSessionEndpoint = "end_session_endpoint"
        case tokenEndpointAuthMethods = "token_endpoint_auth_methods_supported"
    }

    /// The discovery spec's default when the provider names no method is `client_secret_basic`.
    var usesBasicAuthentication: Bool {
        guard let methods = tokenEndpointAuthMethods, !methods.isEmpty else { return true }
        return methods.contains("client_secret_basic") || !methods.contains("client_secret_post")
    }
}

/// What the token endpoint answers to an authorization code.
public struct OIDCTokenResponse: Codable, Sendable {
    public var idToken: String?
    public var accessToken: String?

    public init(idToken: String?, accessToken: String? = nil) {
        self.idToken = idToken
        self.accessToken = accessToken
    }

    enum CodingKeys: String, CodingKey {
        case idToken = "id_token"
        case accessToken = "access_token"
    }
}

/// The code exchange's request: what the client sends besides its credentials.
public struct OIDCCodeExchange: Sendable {
    public var code: String
    public var redirectURI: String
    public var codeVerifier: String
}
