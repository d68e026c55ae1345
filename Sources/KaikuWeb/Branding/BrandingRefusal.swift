import Foundation
import KaikuCore
import Vapor

/// Why a logo, colour or printed name was refused, as one value for both the
/// page and the API: the field, the status and the catalogue text a person
/// can act on (the API answers in English).
struct BrandingRefusal: Error, Equatable, Sendable {
    var field: String
    var status: HTTPResponseStatus
    var key: String
    var values: [String: String] = [:]

    static let maximumNameLength = 120

    init(field: String, status: HTTPResponseStatus = .badRequest, key: String, values: [String: String] = [:]) {
        self.field = field
        self.status = status
        self.key = key
        self.values = values
    }

    init(_ problem: LogoImage.Problem) {
        switch problem {
        case .empty:
            self.init(field: "logo", key: "branding.error.logoMissing")
        case .tooLarge(let bytes):
            self.init(field: "logo", status: .payloadTooLarge, key: "branding.error.logoTooLarge",
                      values: ["size": String((bytes + 1023) / 1024), "limit": String(LogoImage.maximumBytes / 1024)])
        case .notPNGOrJPEG:
            self.init(field: "logo", status: .unsupportedMediaType, key: "branding.error.logoFormat")
        case .unreadable:
            self.init(field: "logo", key: "branding.error.logoUnreadable")
        case .tooManyPixels(let width, let height):
            self.init(field: "logo", key: "branding.error.logoDimensions",
                      values: ["width": String(width), "height": String(height), "limit": String(LogoImage.maximumSide)])
        }
    }

    init(_ problem: BrandColour.Problem, sent: String) {
        switch problem {
        case .notAColour:
            self.init(field: "colour", key: "branding.error.colourFormat")
        case .tooLight(let contrast):
            self.init(field: "colour", key: "branding.error.colourContrast",
                      values: ["colour": String(sent.prefix(7)), "ratio": BrandColour.shown(contrast)])
        }
    }

    /// The message in the page's language; Finnish and Swedish write a decimal comma (4,4:1).
    func message(_ t: Texts) -> String {
        var shown = values
        if t.language != .en, let ratio = shown["ratio"] { shown["ratio"] = ratio.replacingOccurrences(of: ".", with: ",") }
        return t(key, shown)
    }

    /// The API's form of the refusal: `{"error", "field"}` in English.
    func fieldError(_ catalogue: Catalogue) -> FieldError {
        FieldError(status: status, field: field, message: message(Texts(catalogue: catalogue, language: .en)))
    }
}

/// The checks the page and the API share.
enum BrandingInput {
    /// The colour as stored: nil for none (an empty value clears it).
    static func colour(_ raw: String?) throws -> String? {
        let trimmed = raw?.trimmingCharacters(in: .whitespaces) ?? ""
        guard !trimmed.isEmpty else { return nil }
        do { return try BrandColour(validating: trimmed).hex } catch { throw BrandingRefusal(error, sent: trimmed) }
    }

    /// A printed name, `field` naming it in a refusal; empty means the organisation's own.
    static func name(_ raw: String?, field: String) throws -> String {
        let trimmed = raw?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard trimmed.count <= BrandingRefusal.maximumNameLength, !trimmed.contains(where: { $0.isNewline || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }) else {
            throw BrandingRefusal(field: field, key: "branding.error.name", values: ["limit": String(BrandingRefusal.maximumNameLength)])
        }
        return trimmed
    }

    static func logo(_ bytes: [UInt8]) throws -> LogoImage {
        do { return try LogoImage(validating: bytes) } catch { throw BrandingRefusal(error) }
    }
}
