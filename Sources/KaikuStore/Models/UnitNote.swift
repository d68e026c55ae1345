import FluentKit
import Foundation
import KaikuCore

/// "What we did": a short note a supervisor writes for a unit's public
/// page, in Finnish and optionally Swedish and English. Not public until
/// `publishedAt` is set.
public final class UnitNote: Model, @unchecked Sendable {
    public static let schema = "unit_notes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "unit_id") public var unitID: UUID
    @Field(key: "text_fi") public var textFi: String
    @OptionalField(key: "text_sv") public var textSv: String?
    @OptionalField(key: "text_en") public var textEn: String?
    @OptionalField(key: "published_at") public var publishedAt: Date?
    @OptionalField(key: "created_by") public var createdBy: UUID?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    public init(organisationID: UUID, unitID: UUID, text: UnitNoteText, createdBy: UUID?, at now: Date) {
        self.organisationID = organisationID
        self.unitID = unitID
        self.createdBy = createdBy
        self.createdAt = now
        self.updatedAt = now
        self.text = text
    }

    public var text: UnitNoteText {
        get { UnitNoteText(fi: textFi, sv: textSv, en: textEn) }
        set {
            textFi = newValue.fi
            textSv = newValue.sv
            textEn = newValue.en
        }
    }
}
