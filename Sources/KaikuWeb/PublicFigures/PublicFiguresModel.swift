import Foundation
import KaikuCore

/// What the public figures page, the widget and the JSON endpoint show for
/// one unit (or for one target, under its customer-friendly name), already
/// in the language asked for and already suppressed.
struct PublicFiguresModel: Sendable {
    /// A customer-facing target whose form collects this unit's feedback.
    struct Target: Sendable {
        var code: String
        var name: String
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

    /// The name people know the place by.
    var title: String { target?.name ?? unitName }

    /// The page's own path, e.g. `/figures/targets/hammas-keskusta`; with `query` and `lang=` it is the address.
    var pagePath: String {
        if let target { return "/figures/targets/\(target.code)" }
        return "/figures/units/\(unitCode)"
    }

    var widgetPath: String {
        if let target { return "/widget/targets/\(target.code)" }
        return "/widget/units/\(unitCode)"
    }

    var jsonPath: String {
        if let target { return "/api/v1/public/targets/\(target.code)/figures" }
        return "/api/v1/public/units/\(unitCode)/figures"
    }

    /// What the unit's addresses need besides the language: its organisation,
    /// since unit codes are unique only within one. Target codes are unique.
    var query: [(String, String)] {
        target == nil ? [("org", organisationCode)] : []
    }

    /// `path` with `query` and the language, e.g. `/figures/units/A1?org=kaiku-demo&lang=fi`.
    func address(_ path: String) -> String {
        Self.address(path, query + [("lang", language.rawValue)])
    }

    /// A unit's figures page. Links made now name the organisation, so that
    /// they keep working if another organisation later takes the same unit
    /// code; links without it (printed or embedded before) work while the
    /// code is unique.
    static func unitAddress(_ code: String, organisation: String, language: Language) -> String {
        address("/figures/units/\(code)", [("org", organisation), ("lang", language.rawValue)])
    }

    static func address(_ path: String, _ query: [(String, String)]) -> String {
        var components = URLComponents()
        components.path = path
        components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) }
        return components.string ?? path
    }

    /// Where "give feedback" leads: the target's own form, the unit's only
    /// target's form, or the start page where people search for the place.
    var feedbackPath: String {
        if let target { return "/f/\(target.code)" }
        if targets.count == 1 { return "/f/\(targets[0].code)" }
        return "/"
    }

    func period(_ key: PublicPeriodFigures.Key) -> PublicPeriodFigures? {
        periods.first { $0.key == key }
    }
}
