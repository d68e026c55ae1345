import Foundation
import KaikuCore
@testable import KaikuWeb

extension MonthlyReport {
    /// A report of November 2026 with a shown month, a shown previous month,
    /// a suppressed year-ago month and a suppressed child unit, for tests of
    /// how it is written.
    static func sample(language: Language = .fi, minimumN: Int = 5) -> MonthlyReport {
        let policy = SuppressionPolicy(minimumN: minimumN)
        func figures(_ recommendation: [Int], _ statement: [Int]) -> Figures {
            Figures(tally: Tally(responses: recommendation.reduce(0, +), recommendation: recommendation, statements: ["s1": statement]),
                    statementOrder: ["s1"], policy: policy)
        }
        let month = ReportMonth(year: 2026, month: 11)!
        return MonthlyReport(
            language: language, organisation: "Testikunta", unit: "Yksikkö A", unitCode: "A", month: month, minimumN: minimumN,
            current: figures([1, 0, 0, 0, 0, 0, 1, 2, 1, 3, 4], [0, 0, 1, 2, 4, 5]),
            previous: figures([0, 0, 0, 0, 0, 0, 2, 2, 0, 2, 2], [0, 0, 0, 4, 4, 0]),
            yearAgo: figures([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1], [0, 0, 0, 0, 1, 2]),
            statements: [],
            trend: (0...12).reversed().map { TrendPoint(month: month.adding(months: -$0), nps: $0 == 12 ? nil : 40 - $0, n: $0 == 12 ? 3 : 12) },
            children: MonthlyReport.ranked([ChildRow(code: "A2", name: "Yksikkö A2", nps: nil, n: 2),
                                            ChildRow(code: "A1", name: "Yksikkö A1", nps: 50, n: 10)]),
            themes: [ThemeRow(code: "information-contact", name: "Tiedonkulku", count: 6, previous: 2)],
            comments: [Comment(unit: "Yksikkö A1", day: CalendarDay(year: 2026, month: 11, day: 20)!, text: "Hyvä <b>palvelu</b> & ystävällinen")],
            cases: Cases(received: 7, answered: 6, late: 1, promiseKeptPercent: 83, medianHandlingHours: 30),
            dashboardLink: "https://palaute.example.fi/staff/dashboard?unit=A&lang=fi",
            feedLink: "https://palaute.example.fi/staff/feedback?unit=A&lang=fi",
            accountLink: "https://palaute.example.fi/staff/account?lang=fi",
            unsubscribeLink: "https://palaute.example.fi/staff/reports/unsubscribe/abcdefghijklmnopqrstuvwxyz?lang=fi")
        .withStatements()
    }

    private func withStatements() -> MonthlyReport {
        var report = self
        report.statements = MonthlyReport.statements(current: current, previous: previous, yearAgo: yearAgo, names: ["s1": "Sain apua"])
        return report
    }
}
