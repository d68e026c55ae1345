import FluentKit
import Foundation

/// One person's monthly report for one month: the unique (user, month) row
/// that makes sure it goes out once however many instances or runs try.
/// `lockedUntil` is the lease of whoever is sending it now; `sentAt` is set
/// when the mail server accepted it.
public final class ReportDelivery: Model, @unchecked Sendable {
    public static let schema = "report_deliveries"

    public enum Status: String, Sendable, CaseIterable {
        /// Claimed or waiting for its first attempt.
        case pending
        case sent
        /// The last attempt failed; the job tries again later.
        case retrying
    }

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "user_id") public var userID: UUID
    /// yyyymm of the month reported on.
    @Field(key: "month") public var month: Int
    @Field(key: "email") public var email: String
    @Field(key: "status") public var status: String
    @Field(key: "attempts") public var attempts: Int
    @OptionalField(key: "last_error") public var lastError: String?
    @OptionalField(key: "locked_by") public var lockedBy: String?
    @OptionalField(key: "locked_until") public var lockedUntil: Date?
    @OptionalField(key: "sent_at") public var sentAt: Date?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public var statusValue: Status { Status(rawValue: status) ?? .pending }
}
