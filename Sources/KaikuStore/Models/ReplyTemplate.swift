import FluentKit
import Foundation

/// A ready answer handlers start from, in one language. `{receipt}` and
/// `{organisation}` are filled in when it is sent.
public final class ReplyTemplate: Model, @unchecked Sendable {
    public static let schema = "reply_templates"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "name") public var name: String
    @Field(key: "language") public var language: String
    @Field(key: "subject") public var subject: String
    @Field(key: "body") public var body: String

    public init() {}

    public init(organisationID: UUID, name: String, language: String, subject: String, body: String) {
        self.organisationID = organisationID
        self.name = name
        self.language = language
        self.subject = subject
        self.body = body
    }
}
