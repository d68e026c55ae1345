import Foundation

/// The first organisation's OpenID Connect provider
/// (`KAIKU_OIDC_ISSUER`, `KAIKU_OIDC_CLIENT_ID`, `KAIKU_OIDC_CLIENT_SECRET`).
public struct OIDCProviderSettings: Sendable, Equatable {
    /// Exactly as the provider's tokens name it in `iss` (some end in a slash, most do not).
    public var issuer: String
    public var clientID: String
    public var clientSecret: String
    /// Entra ID leaves `email_verified` out: an organisation that knows its
    /// provider only issues addresses it owns may match users by `email` alone.
    public var trustsEmailClaims: Bool

    public init(issuer: String, clientID: String, clientSecret: String, trustsEmailClaims: Bool = false) throws {
        try Self.checkIssuer(issuer)
        self.issuer = issuer
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.trustsEmailClaims = trustsEmailClaims
    }

    /// Reads the variables; nil when none is set, a problem when only some are.
    /// `scheme://host[:port]` of the issuer, for the pages' `form-action` (checked to hold nothing else at init).
    var origin: String? {
        guard let url = URL(string: issuer), let scheme = url.scheme, let host = url.host else { return nil }
        let name = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "\(scheme)://\(name)" + (url.port.map { ":\($0)" } ?? "")
    }

    /// Discovery lives under the issuer, whether or not the issuer ends in a slash.
    var discoveryURL: String {
        (issuer.hasSuffix("/") ? String(issuer.dropLast()) : issuer) + "/.well-known/openid-configuration"
    }

    static func fromEnvironment(_ environment: [String: String]) throws -> OIDCProviderSettings? {
        let names = ["KAIKU_OIDC_ISSUER", "KAIKU_OIDC_CLIENT_ID", "KAIKU_OIDC_CLIENT_SECRET"]
        let values = names.map { environment[$0].flatMap { $0.isEmpty ? nil : $0 } }
        if values.allSatisfy({ $0 == nil }) { return nil }
        guard let issuer = values[0], let clientID = values[1], let secret = values[2] else {
            let missing = zip(names, values).filter { $0.1 == nil }.map(\.0)
            throw SettingsProblem(variable: missing[0], message: "Single sign-on needs all of \(names.joined(separator: ", ")); \(missing.joined(separator: " and ")) is not set.")
        }
        do {
            return try OIDCProviderSettings(issuer: issuer, clientID: clientID, clientSecret: secret,
                                            trustsEmailClaims: environment["KAIKU_OIDC_TRUST_EMAIL"] == "true")
        } catch let problem as IssuerProblem {
            throw SettingsProblem(variable: "KAIKU_OIDC_ISSUER", message: problem.description)
        }
    }

    struct IssuerProblem: Error, CustomStringConvertible {
        var description: String
    }

    /// HTTPS, except on a loopback address, where tests and development run a provider over plain HTTP.
    static func checkIssuer(_ issuer: String) throws {
        guard let url = URL(string: issuer), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty,
              url.query == nil, url.fragment == nil else {
            throw IssuerProblem(description: "The issuer must be an address such as https://login.example.fi/realms/staff, not '\(issuer)'.")
        }
        if scheme == "https" { return }
        guard scheme == "http", isLoopback(host) else {
            throw IssuerProblem(description: "The issuer must use https:// (plain http:// only on a loopback address), not '\(issuer)'.")
        }
    }

    static func isLoopback(_ host: String) -> Bool {
        let name = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        return name == "localhost" || name == "::1" || name.hasPrefix("127.")
    }
}
