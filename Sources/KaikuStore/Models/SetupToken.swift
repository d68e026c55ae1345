import FluentKit
import Foundation

/// A one-time first-start setup address (`/setup/{token}`), kept as the
/// SHA-256 of its token. Several instances on one database each print one,
/// and any of them works; creating an organisation deletes them all.
public final class SetupToken: Model, @unchecked Sendable {
    public static let schema = "setup_tokens"

    @ID(key: .id) public var id: UUID?
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(tokenHash: String, createdAt: Date) {
        self.tokenHash = tokenHash
        self.createdAt = createdAt
    }
}
