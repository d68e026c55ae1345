import FluentKit
import Foundation
import KaikuCore

/// How an organisation shows itself on printed cards, posters and the public
/// pages: the name as printed in each language (the organisation's own name
/// where left empty) and its brand colour. One row per organisation, made
/// when an administrator first saves.
public final class OrganisationBranding: Model, @unchecked Sendable {
    public static let schema = "organisation_brandings"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @OptionalField(key: "name_fi") public var nameFi: String?
    @OptionalField(key: "name_sv") public var nameSv: String?
    @OptionalField(key: "name_en") public var nameEn: String?
    /// Lower-case `#rrggbb`, checked by `BrandColour` before it is stored.
    @OptionalField(key: "colour") public var colour: String?
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    public init(organisationID: UUID, at now: Date) {
        self.organisationID = organisationID
        self.updatedAt = now
    }
}
