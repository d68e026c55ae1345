import Foundation
import KaikuCore

/// What the SMS survey page shows, as plain values: the last days in
/// figures, the settings, and what happened to a form just sent.
struct StaffSMSSurveyModel: Sendable {
    /// A line of the figures table; the view words `rate` and `fewer`.
    enum Value: Sendable, Equatable {
        case count(Int)
        case rate(percent: Int)
        /// Fewer than the organisation's minimum: the count is not shown.
        case fewer(than: Int)
    }

    struct Figure: Sendable, Equatable {
        var key: String
        var value: Value
    }

    var days: Int
    var settings: SMSSurveySettingsController.SettingsDTO
    var figures: [Figure]
    /// Every unit of the organisation, for choosing.
    var units: [UnitOption]
    /// The names of the units taking part.
    var chosen: [String]
    var canChange: Bool
    var saved: Bool = false
    /// The field at fault and what to tell about it.
    var error: FieldProblem?
    /// What was sent when it was refused, shown again for correcting.
    var form: StaffSMSSurveyForm?

    struct FieldProblem: Sendable, Equatable {
        var field: String
        var message: String
    }

    /// The figures in the table's order. Reasons for not asking describe
    /// people (non-disclosure above all), so their small counts are hidden.
    static func figures(_ activity: SMSSurveyActivity, suppression: SuppressionPolicy) -> [Figure] {
        var rows = [Figure(key: "visits", value: .count(activity.visits)), Figure(key: "asked", value: .count(activity.asked)),
                    Figure(key: "answered", value: .count(activity.answered))]
        if let rate = activity.responseRatePercent { rows.append(Figure(key: "rate", value: .rate(percent: rate))) }
        rows += [Figure(key: "optedOut", value: .count(activity.optedOut)), Figure(key: "waiting", value: .count(activity.waiting))]
        for reason in VisitSkip.allCases where activity.skipped[reason, default: 0] > 0 {
            let count = activity.skipped[reason, default: 0]
            rows.append(Figure(key: "skip.\(reason.rawValue)", value: suppression.allows(count) ? .count(count) : .fewer(than: suppression.minimumN)))
        }
        return rows
    }

    /// The units ticked: as sent when the form was refused, else as saved.
    var chosenUnits: Set<String> { Set(form?.units ?? settings.units) }

    /// Whether the survey shows as on: as sent when the form was refused, else as saved.
    var enabled: Bool { form.map { $0.enabled != nil } ?? settings.enabled }

    /// The input a field's error links to; for the units, the first box to tick.
    func inputID(_ field: String) -> String {
        field == "units" ? units.first.map { "u-\($0.code)" } ?? "f-units" : "f-\(field)"
    }
}
