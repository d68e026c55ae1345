import Foundation
import KaikuCore
import KaikuStore

/// The dashboard's themes section as plain values: per theme its answers,
/// the share negative or mixed (hidden below the organisation's minimum n,
/// as the dashboard hides NPS), the months, the change against the period
/// of the same length just before, and the newest comments.
struct DashboardThemes: Equatable {
    struct Example: Equatable {
        var text: String
        /// The comment's own language, so that a screen reader reads a Swedish comment in Swedish.
        var language: Language?
        var day: String
        var sentiment: Sentiment?
    }

    struct Row: Equatable {
        var code: String
        var name: String
        var count: Int
        var negativeOrMixed: Int
        /// Nil when there are fewer answers than the minimum n: a share of two answers says too much about each.
        var negativeShare: Int?
        var previous: Int
        var byMonth: [Int]
        var examples: [Example] = []
        /// The feed filtered by the theme, unit and period.
        var feed: String
    }

    struct Rise: Equatable {
        var name: String
        var count: Int
        var previous: Int
        var change: Int
        /// The change in percent of the previous count; nil when there was none.
        var percent: Int?
    }

    /// Month names of the trend table, yyyy-mm.
    var months: [String]
    /// Themes with answers in the period or the one before, most answered first.
    var rows: [Row]
    var rise: Rise?
    var previousFrom: CalendarDay
    var previousTo: CalendarDay
    /// Every answer with open text and a theme, for the section's caption.
    var minimumN: Int

    static let examplesPerTheme = 3

    /// The period of the same length that ends the day before `period` starts.
    static func previous(of period: ReportPeriod) -> (from: CalendarDay, to: CalendarDay) {
        let length = period.to.dayNumber - period.from.dayNumber + 1
        return (CalendarDay(dayNumber: period.from.dayNumber - length), CalendarDay(dayNumber: period.from.dayNumber - 1))
    }

    init(figures: ThemeFigures, names: [String: String], previous: (from: CalendarDay, to: CalendarDay), minimumN: Int,
         feed: (String) -> String) {
        months = figures.months.map(TallyQuery.Dimension.monthKey)
        previousFrom = previous.from
        previousTo = previous.to
        self.minimumN = minimumN
        let order = Dictionary(uniqueKeysWithValues: figures.entries.enumerated().map { ($0.element.code, $0.offset) })
        rows = figures.entries
            .filter { $0.count > 0 || $0.previous > 0 }
            .sorted { a, b in a.count != b.count ? a.count > b.count : order[a.code, default: 0] < order[b.code, default: 0] }
            .map { entry in
                Row(code: entry.code, name: names[entry.code] ?? entry.code, count: entry.count, negativeOrMixed: entry.negativeOrMixed,
                    negativeShare: entry.count >= max(minimumN, 1) ? Self.percent(entry.negativeOrMixed, of: entry.count) : nil,
                    previous: entry.previous, byMonth: entry.byMonth, feed: feed(entry.code))
            }
        rise = figures.rise.map { entry in
            Rise(name: names[entry.code] ?? entry.code, count: entry.count, previous: entry.previous, change: entry.change,
                 percent: entry.relativeChange.map { Int(($0 * 100).rounded()) })
        }
    }

    /// Rounded half up, as the dashboard's other shares.
    static func percent(_ part: Int, of whole: Int) -> Int {
        whole > 0 ? (200 * part + whole) / (2 * whole) : 0
    }
}
