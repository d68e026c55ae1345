import Crypto
import FluentKit
import Foundation

/// Issuing and checking keys for outside API clients.
public enum APIKeys {
    public enum IssueError: Error, CustomStringConvertible, Equatable {
        case noOrganisation
        case unknownOrganisation(String)
        case severalOrganisations([String])
        case invalidName
        case invalidScope(String)

        public var description: String {
            switch self {
            case .noOrganisation: "There is no organisation yet: create one with `kaiku organisation create --code CODE --name-fi NAME` (or run `kaiku demo`)."
            case .unknownOrganisation(let code): "No organisation with code \(code)."
            case .severalOrganisations(let codes): "Several organisations share this installation; choose one with --org (\(codes.joined(separator: ", ")))."
            case .invalidName: "Give the client a name of 1–100 characters with --name."
            case .invalidScope(let scope): "--scope \(scope) is not a scope; use open311 or visits (repeat --scope for both)."
            }
        }
    }

    /// Creates a key for a client of the organisation `code` (the only one when nil), allowed only
    /// `scopes`, and returns it; the key itself is never stored and cannot be shown again.
    public static func issue(name: String, organisationCode code: String?, scopes: Set<APIClient.Scope> = [.open311],
                             on database: any Database) async throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...100).contains(trimmed.count), !trimmed.containsStrayControlCharacters else { throw IssueError.invalidName }
        let organisation = try await organisation(code: code, on: database)
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255) }
        let key = "kaiku_" + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        try await APIClient(organisationID: organisation.requireID(), name: trimmed, keyHash: hash(key), scopes: scopes).create(on: database)
        return key
    }

    /// The organisation `code` names, or the only one when it is nil.
    public static func organisation(code: String?, on database: any Database) async throws -> Organisation {
        let organisations = try await Organisation.query(on: database).sort(\.$code).all()
        if let code {
            guard let match = organisations.first(where: { $0.code == code }) else { throw IssueError.unknownOrganisation(code) }
            return match
        }
        guard let only = organisations.first else { throw IssueError.noOrganisation }
        guard organisations.count == 1 else { throw IssueError.severalOrganisations(organisations.map(\.code)) }
        return only
    }

    /// The client a presented key belongs to, unless it is unknown or revoked.
    public static func client(forKey key: String, on database: any Database) async throws -> APIClient? {
        guard key.hasPrefix("kaiku_"), key.count < 200 else { return nil }
        return try await APIClient.query(on: database).filter(\.$keyHash == hash(key)).filter(\.$revokedAt == nil).first()
    }

    static func hash(_ key: String) -> String { SecretHash.hex(key) }
}
