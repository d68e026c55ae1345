import FluentKit
import Foundation
import KaikuCore

/// One answer to a survey. The unit is the one the target mapped to when the
/// customer answered, so a later re-mapping never moves old figures. Contact
/// details live in `ResponseContact`, apart from the answer.
public final class FeedbackResponse: Model, @unchecked Sendable {
    public static let schema = "responses"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "target_id") public var targetID: UUID
    @Field(key: "unit_id") public var unitID: UUID
    @Field(key: "survey_id") public var surveyID: UUID
    @Field(key: "channel") public var channel: String
    @Field(key: "language") public var language: String
    @OptionalField(key: "respondent") public var respondent: String?
    @OptionalField(key: "age_group") public var ageGroup: String?
    @OptionalField(key: "service_mode") public var serviceMode: String?
    @OptionalField(key: "recommendation") public var recommendation: Int?
    @OptionalField(key: "open_text") public var openText: String?
    @OptionalField(key: "masked_kinds") public var maskedKinds: String?
    /// The open text's themes as ",care,thanks,", strongest first.
    @OptionalField(key: "themes") public var themes: String?
    @OptionalField(key: "sentiment") public var sentiment: String?
    /// What gave the themes and sentiment (`ClassificationSource`); nil before M056.
    @OptionalField(key: "classified_with") public var classifiedWith: String?
    /// The handler who corrected the themes or sentiment; machine relabelling leaves such answers alone.
    @OptionalField(key: "corrected_by") public var correctedBy: UUID?
    @OptionalField(key: "corrected_at") public var correctedAt: Date?
    /// Flagged for the unit's meeting, by whom and when.
    @OptionalField(key: "flagged_by") public var flaggedBy: UUID?
    @OptionalField(key: "flagged_at") public var flaggedAt: Date?
    /// Statement values in the survey's order (`StatementValues`).
    @OptionalField(key: "statements") public var statements: String?
    /// Own choice and open answers as JSON by question id (`OwnAnswers`).
    @OptionalField(key: "own_answers") public var ownAnswers: String?
    @Field(key: "answered_at") public var answeredAt: Date
    @Field(key: "received_at") public var receivedAt: Date
    @Field(key: "local_day") public var localDay: Int
    @Field(key: "receipt") public var receipt: String
    @OptionalField(key: "idempotency_key") public var idempotencyKey: String?
    @OptionalField(key: "request_hash") public var requestHash: String?
    @Field(key: "wants_answer") public var wantsAnswer: Bool
    /// A handler took the feedback out of the public Open311 list.
    @Field(key: "hidden_from_public") public var hiddenFromPublic: Bool
    /// When a handler approved the open text for the public list (nil: not yet reviewed).
    @OptionalField(key: "published_at") public var publishedAt: Date?
    @OptionalField(key: "published_by") public var publishedBy: UUID?
    /// The masked open text as the handler edited it for the public; nil shows `openText`.
    @OptionalField(key: "public_text") public var publicText: String?

    public init() {}
}
