import FluentKit
import Foundation

/// A staff member's comment on an idea.
public final class IdeaComment: Model, @unchecked Sendable {
    public static let schema = "idea_comments"

    @ID(key: .id) public var id: UUID?
    @Field(key: "idea_id") public var ideaID: UUID
    @OptionalField(key: "author_id") public var authorID: UUID?
    @Field(key: "text") public var text: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(ideaID: UUID, authorID: UUID?, text: String, at now: Date) {
        self.ideaID = ideaID
        self.authorID = authorID
        self.text = text
        self.createdAt = now
    }
}
