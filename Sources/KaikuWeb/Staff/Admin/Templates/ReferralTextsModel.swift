import Foundation
import KaikuCore

/// The referral texts page as plain values: for each kind of referral and
/// each offered language the text customers get, the organisation's own or
/// else Kaiku's standard one.
struct ReferralTextsModel: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var kind: String
        var language: Language
        var text: String
        var url: String
        /// No text of the organisation's own: `text` is Kaiku's standard one.
        var isStandard: Bool

        /// The ids of its fields start with this: `complaint-sv`.
        var key: String { "\(kind)-\(language.rawValue)" }
    }

    struct Problem: Sendable, Equatable {
        var key: String
        var field: String
    }

    var entries: [Entry]
    /// The entry just saved (`complaint-sv`), for its notice.
    var saved: String?
    var problem: Problem?

    /// One entry per kind and language; `own` gives the organisation's text and address, `standard` Kaiku's text.
    static func entries(kinds: [String], languages: [Language], own: (String, Language) -> (text: String, url: String?)?,
                        standard: (String, Language) -> String) -> [Entry] {
        kinds.flatMap { kind in
            languages.map { language in
                if let mine = own(kind, language) {
                    return Entry(kind: kind, language: language, text: mine.text, url: mine.url ?? "", isStandard: false)
                }
                return Entry(kind: kind, language: language, text: standard(kind, language), url: "", isStandard: true)
            }
        }
    }
}
