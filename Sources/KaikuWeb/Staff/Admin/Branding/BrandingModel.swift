import Foundation
import KaikuCore
import KaikuStore

/// The branding page as plain values: the settings as saved, the brand the
/// pages show, what a refused form sent and why, and what just happened.
struct BrandingModel: Sendable {
    enum Notice: String, Sendable, CaseIterable { case saved, logoSaved, logoRemoved }

    var settings: Branding.Settings
    var brand: OrganisationBrand
    /// The organisation's own names, which an empty field prints.
    var ownName: LocalizedText
    var form: BrandingForm?
    var refusal: BrandingRefusal?
    var notice: Notice?

    /// What a field shows: as sent when refused, else as saved.
    func value(_ field: String) -> String {
        switch field {
        case "nameFi": form?.nameFi ?? settings.name["fi"] ?? ""
        case "nameSv": form?.nameSv ?? settings.name["sv"] ?? ""
        case "nameEn": form?.nameEn ?? settings.name["en"] ?? ""
        case "colour": form?.colour ?? settings.colour ?? ""
        default: ""
        }
    }

    func isInvalid(_ field: String) -> Bool { refusal?.field == field }
}
