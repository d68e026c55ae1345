import Foundation
import KaikuCore

/// A target as its short link shows it: the name and the address to type,
/// which its QR code holds too.
struct ShortLinkCard: Sendable, Equatable {
    var code: String
    var name: String
    /// The full short address, e.g. `https://palaute.example.fi/t/hammas-keskusta`.
    var link: String
    /// Whose brand the printed card carries.
    var organisationID: UUID?

    init(code: String, name: String, base: String, organisationID: UUID? = nil) {
        self.code = code
        self.name = name
        self.organisationID = organisationID
        link = Self.link(code: code, base: base)
    }

    /// Made only where it is drawn: a redirect needs none.
    func qrCode() throws -> QRCode {
        try QRCode(text: link)
    }

    /// The short address on the site at `base`, with or without a trailing slash.
    static func link(code: String, base: String) -> String {
        base.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + SiteURL.shortLink(.value(code)).path
    }

    /// The PNG's module size in pixels from `?scale=`: 10 unless asked, never below 2 or above 40.
    static func pngModuleSize(_ scale: Int?) -> Int {
        min(max(scale ?? 10, 2), 40)
    }
}
