import FluentKit
import Foundation

/// What a customer is told when their case is referred to a formal complaint
/// (muistutus), an incident report (HaiPro) or the patient/social ombudsman:
/// the organisation's own wording and link, per language.
public final class ReferralText: Model, @unchecked Sendable {
    public static let schema = "referral_texts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "kind") public var kind: String
    @Field(key: "language") public var language: String
    @Field(key: "text") public var text: String
    @OptionalField(key: "url") public var url: String?

    public init() {}
}
