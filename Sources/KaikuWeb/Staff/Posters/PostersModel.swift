import Foundation
import KaikuCore

/// What the posters sheet shows, as plain values: the form's choices (the
/// unit's targets to tick) and one card per chosen target, in one language
/// or the organisation's first two.
struct PostersModel: Sendable {
    /// One card per A4 page, or four per sheet with cut lines between them.
    enum Layout: String, Sendable, CaseIterable { case posters, cards }

    struct Card: Sendable, Equatable {
        var code: String
        /// The target's name in each of the card's languages, in order.
        var names: [String]
        var unit: String
        var link: String
        var remoteLink: String
        var qrSVG: String
    }

    /// A target offered on the form, ticked when it is printed.
    struct Choice: Sendable, Equatable {
        var code: String
        var name: String
        var picked: Bool
    }

    var unitName: String
    var unitCode: String
    var unitOptions: [UnitOption] = []
    var choices: [Choice] = []
    var cards: [Card]
    /// The card's languages: the page's, or the organisation's first two for a bilingual card.
    var languages: [Language]
    var layout: Layout = .posters
    /// The languages a bilingual card has; fewer than two: the organisation offers one, and the option is not shown.
    var bilingualLanguages: [Language] = []
    var brand: OrganisationBrand?

    var isBilingual: Bool { languages.count > 1 }

    /// The site's address without a trailing slash: the configured public
    /// address, or the host the browser asked for.
    static func base(publicBaseURL: String?, host: String?) -> String {
        (publicBaseURL ?? "http://\(host ?? "127.0.0.1:8080")").trimmingCharacters(in: CharacterSet(charactersIn: "/"))
    }

    /// The short link a card prints for a target, and the one for remote appointments.
    static func links(target code: String, base: String) -> (link: String, remote: String) {
        (base + SiteURL.shortLink(.value(code)).path, base + SiteURL.remoteShortLink(.value(code)).path)
    }
}
