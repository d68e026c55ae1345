import Foundation
import KaikuCore

/// What the public figures page, the widget and the JSON endpoint show for
/// one unit (or for one target, under its customer-friendly name), already
/// in the language asked for and already suppressed.
struct PublicFiguresModel: Sendable {
    /// A customer-facing target whose form collects this unit's feedback.
    struct Target: Sendable, Equatable {
        var code: String
        var name: String
    }

    /// A published "what we did" note, in the page's language (Finnish when it has no translation).
    struct Note: Sendable, Equatable {
        var text: String
        /// The language `text` is in, which differs from the page's when the note fell back to Finnish.
        var language: Language
        var publishedAt: Date
        /// The day it was published, as the page's language writes it.
        var day: String
    }

    var unitCode: String
    var unitName: String
    /// Unit codes are unique only within an organisation, so every unit link carries it.
    var organisationCode: String
    var organisationName: String
    /// Set when the page was asked for by target: its name is the title, its form the feedback link.
    var target: Target?
    /// Active targets mapped to the unit, for "give feedback" links.
    var targets: [Target]
    var minimumN: Int
    var language: Language
    var periods: [PublicPeriodFigures]
    /// "What we did": the unit's published notes in `language`, newest first; none while the unit is closed.
    var notes: [Note] = []
    /// The 12 whole months before this one, oldest first, each suppressed on its own and against the rest.
    var trend: [PublicTrendMonth] = []
    /// Scheme and host the embed snippet points to, e.g. `https://palaute.example.fi`; set for the page only.
    var baseURL: String = ""

    /// The name people know the place by.
    var title: String { target?.name ?? unitName }

    /// The page's own address, by target when it was asked for by target.
    var page: SiteURL {
        if let target { return .targetFigures(.value(target.code)) }
        return .unitFigures(.value(unitCode))
    }

    var widget: SiteURL {
        if let target { return .targetWidget(.value(target.code)) }
        return .unitWidget(.value(unitCode))
    }

    var json: PublicFiguresEndpoint {
        if let target { return .target(.value(target.code)) }
        return .unit(.value(unitCode))
    }

    /// What the unit's addresses need besides the language: its organisation,
    /// since unit codes are unique only within one. Target codes are unique.
    var query: [(String, String)] {
        target == nil ? [("org", organisationCode)] : []
    }

    /// `url` with `query` and the language, e.g. `/figures/units/A1?org=kaiku-demo&lang=fi`.
    func address(_ url: SiteURL) -> String {
        url.url(language: language, query)
    }

    /// The JSON address with `query` and the language.
    var jsonAddress: String {
        Self.address(json.path, query + [("lang", language.rawValue)])
    }

    /// A unit's figures page. Links made now name the organisation, so that
    /// they keep working if another organisation later takes the same unit
    /// code; links without it (printed or embedded before) work while the
    /// code is unique.
    static func unitAddress(_ code: String, organisation: String, language: Language) -> String {
        SiteURL.unitFigures(.value(code)).url(language: language, [("org", organisation)])
    }

    static func address(_ path: String, _ query: [(String, String)]) -> String {
        var components = URLComponents()
        components.path = path
        components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) }
        return components.string ?? path
    }

    /// The targets "give feedback" links to: the one asked for, else the unit's.
    var feedbackTargets: [Target] {
        target.map { [$0] } ?? targets
    }

    /// Where the widget's "give feedback" leads: the target's own form, the
    /// unit's only target's form, or the start page where people search for the place.
    var feedback: SiteURL {
        if let target { return .form(.value(target.code)) }
        if targets.count == 1 { return .form(.value(targets[0].code)) }
        return .home
    }

    /// The iframe a county's web editor copies to show the widget on their site, escaped; `title` names the frame.
    func embedSnippet(title: String) -> String {
        "<iframe src=\"\(HTMLText.escape(embedBase + address(widget)))\" title=\"\(HTMLText.escape(title))\" "
            + "width=\"320\" height=\"260\" style=\"border:0\" loading=\"lazy\"></iframe>"
    }

    /// The JSON address in full, for scripts of the county's site.
    var embedJSON: String { embedBase + jsonAddress }

    private var embedBase: String { baseURL.trimmingCharacters(in: CharacterSet(charactersIn: "/")) }

    func period(_ key: PublicPeriodFigures.Key) -> PublicPeriodFigures? {
        periods.first { $0.key == key }
    }
}
