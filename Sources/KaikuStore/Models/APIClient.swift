import FluentKit
import Foundation

/// An approved outside client of an organisation's feedback API (Open311 /
/// 6Aika). Only the SHA-256 of its key is stored.
public final class APIClient: Model, @unchecked Sendable {
    public static let schema = "api_clients"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "name") public var name: String
    @Field(key: "key_hash") public var keyHash: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @OptionalField(key: "revoked_at") public var revokedAt: Date?
    /// The scopes the key was issued with, space-separated (`open311 visits`).
    @Field(key: "scopes") public var scopes: String

    /// What a key may be used for; a key is allowed only what it was issued for.
    public enum Scope: String, Sendable, CaseIterable {
        /// Post feedback through Open311 (`POST /open311/v2/requests`).
        case open311
        /// Report visits for the SMS survey (`POST /api/v1/visits`), which sends text messages.
        case visits
    }

    public init() {}

    public init(organisationID: UUID, name: String, keyHash: String, scopes: Set<Scope> = [.open311]) {
        self.organisationID = organisationID
        self.name = name
        self.keyHash = keyHash
        self.scopes = Scope.allCases.filter(scopes.contains).map(\.rawValue).joined(separator: " ")
    }

    public func allows(_ scope: Scope) -> Bool {
        scopes.split(separator: " ").contains { $0 == scope.rawValue }
    }
}
