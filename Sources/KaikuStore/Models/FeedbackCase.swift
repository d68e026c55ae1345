import FluentKit
import Foundation
import KaikuCore

/// A customer's request for an answer. It opens in the same transaction as
/// the response, so a case exists as soon as the answer is acknowledged.
public final class FeedbackCase: Model, @unchecked Sendable {
    public static let schema = "cases"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "response_id") public var responseID: UUID
    /// Where the case is handled now; re-routing changes it.
    @Field(key: "unit_id") public var unitID: UUID
    /// Where the customer's answer was routed first; kept for the record.
    @Field(key: "original_unit_id") public var originalUnitID: UUID
    @Field(key: "receipt") public var receipt: String
    @Field(key: "status") public var status: String
    @OptionalField(key: "assignee_id") public var assigneeID: UUID?
    @Field(key: "received_at") public var receivedAt: Date
    @Field(key: "due_at") public var dueAt: Date
    @OptionalField(key: "closed_at") public var closedAt: Date?
    /// The first call, interim reply, answer or referral: the end of the reaction time.
    @OptionalField(key: "first_contact_at") public var firstContactAt: Date?

    public init() {}

    public var statusValue: CaseStatus { CaseStatus(rawValue: status) ?? .open }
}
