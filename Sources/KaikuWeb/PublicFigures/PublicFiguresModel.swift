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

    /// The page's own address without the language, e.g. `/figures/targets/hammas-keskusta`.
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
