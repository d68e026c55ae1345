import FluentKit
import Foundation

/// One organisation's trained `FeedbackClassifier`, encoded as JSON.
public final class ClassifierState: Model, @unchecked Sendable {
    public static let schema = "classifier_states"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    /// The encoded `FeedbackClassifier`.
    @Field(key: "state") public var state: String
    @Field(key: "example_count") public var exampleCount: Int
    @Field(key: "trained_at") public var trainedAt: Date

    public init() {}
}
