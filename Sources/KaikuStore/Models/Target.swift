import FluentKit
import Foundation
import KaikuCore

/// A customer-facing feedback target ("Hammashoitola, Keskusta"). Customers
/// pick targets, never org units; each target maps to one unit, and many
/// targets may map to the same unit.
public final class Target: Model, @unchecked Sendable {
    public static let schema = "targets"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "code") public var code: String
    @Field(key: "unit_id") public var unitID: UUID
    @Field(key: "name_fi") public var nameFi: String
    @Field(key: "name_sv") public var nameSv: String
    @Field(key: "name_en") public var nameEn: String
    @Field(key: "active") public var active: Bool
    /// Extra search words in any language, separated by spaces.
    @Field(key: "keywords") public var keywords: String

    public init() {}

    public init(id: UUID? = nil, organisationID: UUID, code: String, unitID: UUID, name: LocalizedText, active: Bool = true) {
        self.id = id
        self.organisationID = organisationID
        self.code = code
        self.unitID = unitID
        self.nameFi = name.fi
        self.nameSv = name.sv
        self.nameEn = name.en
        self.active = active
        self.keywords = ""
    }

    public var name: LocalizedText { LocalizedText(fi: nameFi, sv: nameSv, en: nameEn) }
}
