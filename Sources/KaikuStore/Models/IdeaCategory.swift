import FluentKit
import Foundation
import KaikuCore

/// An organisation's own idea category, or its names for a default one.
public final class IdeaCategory: Model, @unchecked Sendable {
    public static let schema = "idea_categories"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "code") public var code: String
    @Field(key: "name_fi") public var nameFi: String
    @Field(key: "name_sv") public var nameSv: String
    @Field(key: "name_en") public var nameEn: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(organisationID: UUID, code: String, name: LocalizedText) {
        self.organisationID = organisationID
        self.code = code
        self.name = name
    }

    public var name: LocalizedText {
        get { LocalizedText(fi: nameFi, sv: nameSv, en: nameEn) }
        set {
            nameFi = newValue.fi
            nameSv = newValue.sv
            nameEn = newValue.en
        }
    }
}
