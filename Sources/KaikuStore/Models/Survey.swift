import FluentKit
import Foundation
import KaikuCore

/// One version of a survey definition, stored as JSON so that the questions
/// are data. Versions are never edited: a change is a new row.
public final class Survey: Model, @unchecked Sendable {
    public static let schema = "surveys"

    @ID(key: .id) public var id: UUID?
    @OptionalField(key: "organisation_id") public var organisationID: UUID?
    @Field(key: "code") public var code: String
    @Field(key: "version") public var version: Int
    @Field(key: "definition") public var definitionJSON: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(id: UUID? = nil, organisationID: UUID?, definition: SurveyDefinition) throws {
        self.id = id
        self.organisationID = organisationID
        self.code = definition.code
        self.version = definition.version
        let data = try JSONEncoder().encode(definition)
        self.definitionJSON = String(decoding: data, as: UTF8.self)
    }

    public func definition() throws -> SurveyDefinition {
        try Self.decodedDefinition(definitionJSON)
    }
}
