import Foundation
import KaikuCore

/// How the monthly report writes its words and numbers in one language:
/// catalogue texts, month names, decimal commas, and counts below the
/// minimum n as "fewer than N" instead of the number.
struct MonthlyReportFormat {
    let report: MonthlyReport
    let catalogue: Catalogue

    var language: Language { report.language }

    func t(_ key: String, _ arguments: [String: String] = [:]) -> String {
        catalogue.text(key, language, arguments)
    }

    func month(_ month: ReportMonth) -> String {
        t("monthlyReport.month.\(month.month)", ["year": String(month.year)])
    }

    /// A short month for the trend rows: "11/2026".
    func shortMonth(_ month: ReportMonth) -> String { "\(month.month)/\(month.year)" }

    func nps(_ value: Int?) -> String {
        guard let value else { return "–" }
        return value > 0 ? "+\(value)" : value < 0 ? "−\(-value)" : "0"
    }

    func mean(_ value: Double?) -> String {
        guard let value else { return "–" }
        let text = String(format: "%.1f", value)
        return language == .en ? text : text.replacingOccurrences(of: ".", with: ",")
    }

    /// A count: the number from the minimum n up, "fewer than N" below it (zero stays zero).
    func count(_ n: Int) -> String {
        n == 0 || report.shows(n) ? String(n) : t("monthlyReport.fewerThan", ["min": String(report.minimumN)])
    }

    func percent(_ value: Int?) -> String {
        guard let value else { return "–" }
        return language == .en ? "\(value)%" : "\(value) %"
    }

    func hours(_ value: Double?) -> String {
        guard let value else { return "–" }
        return t("monthlyReport.hours", ["hours": String(format: "%.0f", value)])
    }

    func day(_ day: CalendarDay) -> String {
        language == .en ? day.description : "\(day.day).\(day.month).\(day.year)"
    }

    var subject: String { t("monthlyReport.subject", ["unit": report.unit, "month": month(report.month)]) }

    var intro: String {
        t("monthlyReport.intro", ["organisation": report.organisation, "unit": report.unit, "month": month(report.month),
                                  "min": String(report.minimumN)])
    }
}
