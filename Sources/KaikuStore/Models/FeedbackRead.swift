import FluentKit
import Foundation

/// A staff member has read an answer in the feedback feed.
public final class FeedbackRead: Model, @unchecked Sendable {
    public static let schema = "feedback_reads"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "response_id") public var responseID: UUID
    @Field(key: "read_at") public var readAt: Date

    public init() {}

    public init(userID: UUID, responseID: UUID, readAt: Date) {
        self.userID = userID
        self.responseID = responseID
        self.readAt = readAt
    }
}
