import FluentKit
import Foundation
import KaikuCore

/// A unit of the org tree (county, service area, unit, team…). Feedback is
/// routed to units; figures roll up from a unit to all its ancestors.
public final class OrgUnit: Model, @unchecked Sendable {
    public static let schema = "units"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "code") public var code: String
    @OptionalField(key: "parent_id") public var parentID: UUID?
    @Field(key: "name_fi") public var nameFi: String
    @Field(key: "name_sv") public var nameSv: String
    @Field(key: "name_en") public var nameEn: String
    /// The unit's OID in the county's register (the national SOTE organisation register), if known.
    @OptionalField(key: "register_oid") public var oid: String?
    /// A closed unit is offered nowhere; its answers and cases stay in reports and history.
    @Field(key: "closed") public var closed: Bool

    public init() {}

    public init(id: UUID? = nil, organisationID: UUID, code: String, parentID: UUID?, name: LocalizedText) {
        self.id = id
        self.organisationID = organisationID
        self.code = code
        self.parentID = parentID
        self.nameFi = name.fi
        self.nameSv = name.sv
        self.nameEn = name.en
        self.closed = false
    }

    public var name: LocalizedText { LocalizedText(fi: nameFi, sv: nameSv, en: nameEn) }
}
