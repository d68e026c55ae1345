import FluentKit
import Foundation
import KaikuCore

/// A staff member's idea for the organisation, from its submission through
/// review and decision to implementation (`IdeaStatus`).
public final class Idea: Model, @unchecked Sendable {
    public static let schema = "ideas"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "unit_id") public var unitID: UUID
    @Field(key: "category") public var category: String
    @Field(key: "title") public var title: String
    @Field(key: "description") public var description: String
    @Field(key: "status") public var status: String
    /// Colleagues do not see who sent it; the notes still reach the submitter.
    @Field(key: "anonymous") public var anonymous: Bool
    @OptionalField(key: "submitter_id") public var submitterID: UUID?
    @OptionalField(key: "owner_id") public var ownerID: UUID?
    /// The submitter's language, for the notes of each status step.
    @Field(key: "language") public var language: String
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    public init(organisationID: UUID, unitID: UUID, category: String, text: IdeaText, anonymous: Bool, submitterID: UUID?,
                language: Language, at now: Date) {
        self.organisationID = organisationID
        self.unitID = unitID
        self.category = category
        self.title = text.title
        self.description = text.description
        self.status = IdeaStatus.new.rawValue
        self.anonymous = anonymous
        self.submitterID = submitterID
        self.language = language.rawValue
        self.createdAt = now
        self.updatedAt = now
    }

    /// An unknown stored value reads as new rather than failing a whole list.
    public var statusValue: IdeaStatus { IdeaStatus(rawValue: status) ?? .new }
    public var languageValue: Language { Language(rawValue: language) ?? .fi }
}
