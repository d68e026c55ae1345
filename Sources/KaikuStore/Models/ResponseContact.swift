import FluentKit
import Foundation

/// Contact details, kept only when the customer asked for an answer.
public final class ResponseContact: Model, @unchecked Sendable {
    public static let schema = "response_contacts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "response_id") public var responseID: UUID
    @OptionalField(key: "name") public var name: String?
    @OptionalField(key: "email") public var email: String?
    @OptionalField(key: "phone") public var phone: String?

    public init() {}
}
