import Foundation
import KaikuCore

/// What the kiosk page carries besides its script: the kiosk's texts in
/// every language, so that one tap switches language without the network.
struct KioskPageModel: Sendable {
    /// `{"fi": {"kiosk.title": …}, "sv": …, "en": …}`: the `kiosk.` keys of each catalogue.
    var textsJSON: String

    init(catalogue: Catalogue) throws {
        textsJSON = String(decoding: try JSONEncoder().encode(Self.texts(catalogue)), as: UTF8.self)
    }

    static func texts(_ catalogue: Catalogue) -> [String: [String: String]] {
        var texts: [String: [String: String]] = [:]
        for language in Language.allCases {
            texts[language.rawValue] = (catalogue.entries[language] ?? [:]).filter { $0.key.hasPrefix("kiosk.") }
        }
        return texts
    }
}
