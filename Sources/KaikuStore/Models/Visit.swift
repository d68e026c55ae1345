import FluentKit
import Foundation
import KaikuCore

/// A visit the SMS survey may ask about, and how far the survey got.
public final class Visit: Model, @unchecked Sendable {
    public static let schema = "visits"

    public enum Status: String, Sendable, Codable {
        /// The question waits for `send_at`.
        case scheduled
        /// No question (see `skip_reason`).
        case skipped
        /// The question went out; a score is awaited.
        case asked
        /// The score is recorded; a comment is awaited.
        case commentAsked
        case done
        case optedOut
        /// No usable answer came in time.
        case expired
    }

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    /// The patient system's own id for the visit; a repeat of it changes nothing.
    @Field(key: "external_id") public var externalID: String
    @Field(key: "unit_id") public var unitID: UUID
    @OptionalField(key: "target_id") public var targetID: UUID?
    @Field(key: "visited_at") public var visitedAt: Date
    @Field(key: "language") public var language: String
    @Field(key: "status") public var status: String
    @OptionalField(key: "skip_reason") public var skipReason: String?
    /// Encrypted (`ContactCipher`); nil once the survey no longer needs it.
    @OptionalField(key: "phone") public var phone: String?
    @OptionalField(key: "phone_hash") public var phoneHash: String?
    @OptionalField(key: "send_at") public var sendAt: Date?
    @OptionalField(key: "asked_at") public var askedAt: Date?
    @OptionalField(key: "response_id") public var responseID: UUID?
    /// The one polite retry after a reply that was not understood has been used.
    @Field(key: "retried") public var retried: Bool
    /// The gateway's id of the last reply handled, so that a webhook sent twice counts once.
    @OptionalField(key: "last_inbound_id") public var lastInboundID: String?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public var statusValue: Status? { Status(rawValue: status) }
}
