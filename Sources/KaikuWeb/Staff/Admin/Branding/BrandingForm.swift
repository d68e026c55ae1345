import Vapor

/// The name-and-colour form as posted, kept as sent so that a refused form
/// is shown again with what the person typed.
struct BrandingForm: Content, Sendable, Equatable {
    var nameFi: String?
    var nameSv: String?
    var nameEn: String?
    var colour: String?

    /// The settings it asks for, checked as the API checks them.
    func settings() throws -> (name: [String: String], colour: String?) {
        let names = ["fi": try BrandingInput.name(nameFi, field: "nameFi"), "sv": try BrandingInput.name(nameSv, field: "nameSv"),
                     "en": try BrandingInput.name(nameEn, field: "nameEn")]
        return (names, try BrandingInput.colour(colour))
    }
}

/// The logo upload as posted (`multipart/form-data`).
struct BrandingLogoForm: Content {
    var logo: File?
}
