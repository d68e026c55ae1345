import FluentKit
import Foundation

/// A text message Kaiku sent to a customer, kept so that the gateway's
/// delivery report can be tied back to its case. Holds no phone number.
public final class SMSMessage: Model, @unchecked Sendable {
    public static let schema = "sms_messages"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @OptionalField(key: "case_id") public var caseID: UUID?
    /// Kaiku's own id for the message, echoed back by the gateway.
    @Field(key: "reference") public var reference: String
    @OptionalField(key: "gateway_id") public var gatewayID: String?
    /// `sent`, then `delivered` or `failed` as the gateway reports.
    @Field(key: "status") public var status: String
    @Field(key: "sent_at") public var sentAt: Date
    @OptionalField(key: "status_at") public var statusAt: Date?

    public init() {}

    public init(organisationID: UUID, caseID: UUID?, reference: String, gatewayID: String?, sentAt: Date) {
        self.organisationID = organisationID
        self.caseID = caseID
        self.reference = reference
        self.gatewayID = gatewayID
        self.status = "sent"
        self.sentAt = sentAt
    }
}
