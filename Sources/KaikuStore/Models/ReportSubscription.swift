import FluentKit
import Foundation

/// A staff member's own choice about the monthly report: supervisors get it
/// unless they opt out, others only when they opt in. The token is the
/// unsubscribe link's proof, so that the link works without signing in.
public final class ReportSubscription: Model, @unchecked Sendable {
    public static let schema = "report_subscriptions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "subscribed") public var subscribed: Bool
    @Field(key: "language") public var language: String
    @Field(key: "token") public var token: String
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    public init(organisationID: UUID, userID: UUID, subscribed: Bool, language: String, token: String, updatedAt: Date) {
        self.organisationID = organisationID
        self.userID = userID
        self.subscribed = subscribed
        self.language = language
        self.token = token
        self.updatedAt = updatedAt
    }
}
