import Foundation
import NIOHTTP1

/// How Kaiku proves itself to the SMS gateway. Gateways differ: some take an
/// OAuth-style bearer token, older ones HTTP Basic, many an API key in a
/// header of their own naming, so all three are supported.
public enum SMSGatewayAuthentication: Sendable, Hashable {
    case none
    case bearer(token: String)
    case basic(user: String, password: String)
    case header(name: String, value: String)

    /// Parses `KAIKU_SMS_AUTH`: empty or `none`, `bearer:TOKEN`,
    /// `basic:USER:PASSWORD` or `header:NAME:VALUE`. Only the first colons
    /// split, so passwords, tokens and keys may themselves contain colons.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.lowercased() == "none" {
            self = .none
            return
        }
        let parts = trimmed.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let scheme = parts[0].lowercased()
        let rest = parts.count > 1 ? String(parts[1]) : ""
        switch scheme {
        case "bearer":
            guard !rest.isEmpty else { throw Self.invalid("bearer needs a token: bearer:TOKEN") }
            self = .bearer(token: rest)
        case "basic":
            // RFC 7617: the user id cannot contain a colon, the password can.
            let credentials = rest.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard credentials.count == 2, !credentials[0].isEmpty else {
                throw Self.invalid("basic needs a user and a password: basic:USER:PASSWORD")
            }
            self = .basic(user: String(credentials[0]), password: String(credentials[1]))
        case "header":
            let pair = rest.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2, !pair[1].isEmpty, Self.isHeaderName(pair[0]) else {
                throw Self.invalid("header needs a header name and a value: header:X-Api-Key:KEY")
            }
            self = .header(name: String(pair[0]), value: String(pair[1]))
        default:
            throw Self.invalid("unknown scheme \"\(scheme)\"; use none, bearer:TOKEN, basic:USER:PASSWORD or header:NAME:VALUE")
        }
        // A line break in a secret would let it smuggle extra headers into every request.
        if let field = headerField, field.value.contains(where: { $0.isNewline }) {
            throw Self.invalid("the credentials must not contain line breaks")
        }
    }

    /// The header that carries the credentials, or nil when none is sent.
    public var headerField: (name: String, value: String)? {
        switch self {
        case .none:
            return nil
        case .bearer(let token):
            return ("Authorization", "Bearer \(token)")
        case .basic(let user, let password):
            return ("Authorization", "Basic \(Data("\(user):\(password)".utf8).base64EncodedString())")
        case .header(let name, let value):
            return (name, value)
        }
    }

    /// Whether a request carries these credentials; the simulator's check.
    public func isSatisfied(by headers: HTTPHeaders) -> Bool {
        guard let field = headerField else { return true }
        let presented = headers[field.name]
        guard presented.count == 1, let value = presented.first else { return false }
        switch self {
        case .bearer, .basic:
            // The scheme word is case-insensitive (RFC 9110 §11.1), the credentials are not.
            let expected = field.value.split(separator: " ", maxSplits: 1)
            let given = value.split(separator: " ", maxSplits: 1)
            return given.count == 2 && given[0].lowercased() == expected[0].lowercased() && given[1] == expected[1]
        case .none, .header:
            return value == field.value
        }
    }

    private static func isHeaderName<S: StringProtocol>(_ name: S) -> Bool {
        // RFC 9110 token characters.
        let allowed = Set("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return !name.isEmpty && name.allSatisfy { allowed.contains($0) }
    }

    private static func invalid(_ problem: String) -> SMSConfigurationError {
        SMSConfigurationError(setting: "authentication", problem: problem)
    }
}
