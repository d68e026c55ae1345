import FluentKit
import Foundation
import KaikuCore

/// A theme an organisation added to the seven defaults.
public final class OrganisationTheme: Model, @unchecked Sendable {
    public static let schema = "organisation_themes"

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
        self.nameFi = name.fi
        self.nameSv = name.sv
        self.nameEn = name.en
    }

    public var name: LocalizedText { LocalizedText(fi: nameFi, sv: nameSv, en: nameEn) }
}
