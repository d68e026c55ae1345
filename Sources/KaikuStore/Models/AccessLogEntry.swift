import FluentKit
import Foundation

/// A read of personal data: who saw whose contact details, and when.
/// Administrators read and export these; nothing deletes them early.
public final class AccessLogEntry: Model, @unchecked Sendable {
    public static let schema = "access_log"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "at") public var at: Date
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "action") public var action: String
    @OptionalField(key: "case_id") public var caseID: UUID?
    @OptionalField(key: "response_id") public var responseID: UUID?

    public init() {}

    public init(organisationID: UUID, at: Date, userID: UUID, action: String, caseID: UUID?, responseID: UUID?) {
        self.organisationID = organisationID
        self.at = at
        self.userID = userID
        self.action = action
        self.caseID = caseID
        self.responseID = responseID
    }
}
