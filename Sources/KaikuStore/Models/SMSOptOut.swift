import FluentKit
import Foundation

/// A number that asked for no more messages, by its pseudonym only.
public final class SMSOptOut: Model, @unchecked Sendable {
    public static let schema = "sms_opt_outs"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "phone_hash") public var phoneHash: String
    @Field(key: "at") public var at: Date

    public init() {}

    public init(organisationID: UUID, phoneHash: String, at: Date) {
        self.organisationID = organisationID
        self.phoneHash = phoneHash
        self.at = at
    }
}
