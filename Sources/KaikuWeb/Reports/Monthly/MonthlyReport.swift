import Foundation
import KaikuCore

/// One person's monthly report as plain values: what `MonthlyReport+Text`
/// and `MonthlyReport+HTML` render. Figures come suppressed already (nil
/// below the organisation's minimum n); the pure functions here shape the
/// rest so that no count below the minimum is ever shown either.
struct MonthlyReport: Sendable, Equatable {
    struct StatementRow: Sendable, Equatable {
        var id: String
        var name: String
        var current: Double?
        var previous: Double?
        var yearAgo: Double?
    }

    struct TrendPoint: Sendable, Equatable {
        var month: ReportMonth
        var nps: Int?
        var n: Int
    }

    struct ChildRow: Sendable, Equatable {
        var code: String
        var name: String
        var nps: Int?
        var n: Int
    }

    struct ThemeRow: Sendable, Equatable {
        var code: String
        var name: String
        var count: Int
        var previous: Int
    }

    struct Comment: Sendable, Equatable {
        var unit: String
        var day: CalendarDay
        var text: String
    }

    struct Cases: Sendable, Equatable {
        var received: Int
        var answered: Int
        var late: Int
        /// Nil when fewer than the minimum n were answered: a share of two cases says nothing.
        var promiseKeptPercent: Int?
        var medianHandlingHours: Double?
    }

    var language: Language
    var organisation: String
    var unit: String
    var unitCode: String
    var month: ReportMonth
    var minimumN: Int
    var current: Figures
    var previous: Figures
    var yearAgo: Figures
    var statements: [StatementRow]
    var trend: [TrendPoint]
    var children: [ChildRow]
    var themes: [ThemeRow]
    var comments: [Comment]
    var cases: Cases
    var dashboardLink: String
    var feedLink: String
    var accountLink: String
    var unsubscribeLink: String

    static let commentCount = 3
    static let themeCount = 3

    /// Whether a count may be shown as a number.
    func shows(_ n: Int) -> Bool { n >= minimumN && n > 0 }

    /// Statements side by side for the three periods, in the survey's order, with the names in `language`.
    static func statements(current: Figures, previous: Figures, yearAgo: Figures, names: [String: String]) -> [StatementRow] {
        func mean(_ figures: Figures, _ id: String) -> Double? { figures.statements.first { $0.id == id }?.mean }
        return current.statements.map { statement in
            StatementRow(id: statement.id, name: names[statement.id] ?? statement.id, current: statement.mean,
                         previous: mean(previous, statement.id), yearAgo: mean(yearAgo, statement.id))
        }
    }

    /// Child units best first by NPS; those without a figure (too few answers) after them, by name.
    static func ranked(_ rows: [ChildRow]) -> [ChildRow] {
        rows.sorted { a, b in
            switch (a.nps, b.nps) {
            case let (x?, y?): x != y ? x > y : a.name < b.name
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): a.name < b.name
            }
        }
    }

    /// Themes with more answers than in the month before, most risen first,
    /// among those with at least the minimum n this month.
    static func risen(_ figures: ThemeFigures, names: [String: String], minimumN: Int) -> [ThemeRow] {
        figures.entries
            .filter { $0.count >= max(1, minimumN) && $0.change > 0 }
            .sorted { $0.change != $1.change ? $0.change > $1.change : $0.count > $1.count }
            .prefix(themeCount)
            .map { ThemeRow(code: $0.code, name: names[$0.code] ?? $0.code, count: $0.count, previous: $0.previous) }
    }

    /// Case figures for the month; shares and medians only from enough answered cases.
    static func cases(_ statistics: CaseStatistics, minimumN: Int) -> Cases {
        let enough = statistics.finished >= max(1, minimumN)
        return Cases(received: statistics.pending + statistics.finished, answered: statistics.finished, late: statistics.late,
                     promiseKeptPercent: enough ? statistics.promiseKeptPercent : nil,
                     medianHandlingHours: enough ? statistics.medianHandlingHours : nil)
    }
}
