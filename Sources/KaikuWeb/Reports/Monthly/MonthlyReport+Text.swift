import Foundation
import KaikuCore

extension MonthlyReport {
    /// The plain-text part: the whole report in words and numbers, for mail
    /// clients that show no HTML and for screen readers that prefer text.
    func plainText(catalogue: Catalogue) -> String {
        let f = MonthlyReportFormat(report: self, catalogue: catalogue)
        func t(_ key: String, _ arguments: [String: String] = [:]) -> String { f.t(key, arguments) }
        var lines: [String] = [f.subject, "", f.intro, ""]
        let periods = [(month, current), (month.previous, previous), (month.yearAgo, yearAgo)]

        lines.append(t("monthlyReport.figures"))
        for (period, figures) in periods {
            lines.append("- " + t("monthlyReport.figuresLine", ["month": f.month(period), "nps": f.nps(figures.nps), "n": f.count(figures.n)]))
        }
        lines.append("")

        if !statements.isEmpty {
            lines.append(t("monthlyReport.statements"))
            for row in statements {
                // A statement usually ends in a full stop; a colon after it would read oddly.
                let name = row.name.hasSuffix(".") || row.name.hasSuffix("?") ? row.name : row.name + ":"
                lines.append("- \(name) " + t("monthlyReport.statementLine", [
                    "current": f.mean(row.current), "previous": f.mean(row.previous), "yearAgo": f.mean(row.yearAgo)]))
            }
            lines.append("")
        }

        lines.append(t("monthlyReport.trend"))
        for point in trend {
            lines.append("- \(f.month(point.month)): NPS \(f.nps(point.nps)), n \(f.count(point.n))")
        }
        lines.append("")

        if !children.isEmpty {
            lines.append(t("monthlyReport.children"))
            for (index, child) in children.enumerated() {
                let place = child.nps == nil ? "-" : "\(index + 1)."
                lines.append("\(place) \(child.name): NPS \(f.nps(child.nps)), n \(f.count(child.n))")
            }
            lines.append("")
        }

        lines.append(t("monthlyReport.themes"))
        if themes.isEmpty { lines.append(t("monthlyReport.themes.none")) }
        for theme in themes {
            lines.append("- " + t("monthlyReport.themeLine", ["theme": theme.name, "count": f.count(theme.count), "previous": f.count(theme.previous)]))
        }
        lines.append("")

        lines.append(t("monthlyReport.comments"))
        if comments.isEmpty { lines.append(t("monthlyReport.comments.none")) }
        for comment in comments {
            lines.append("“\(comment.text)”")
            lines.append("  — \(comment.unit), \(f.day(comment.day))")
        }
        lines.append("")

        lines.append(t("monthlyReport.cases"))
        lines.append("- \(t("monthlyReport.cases.received")): \(cases.received)")
        lines.append("- \(t("monthlyReport.cases.answered")): \(cases.answered)")
        lines.append("- \(t("monthlyReport.cases.late")): \(cases.late)")
        lines.append("- \(t("monthlyReport.cases.kept")): \(f.percent(cases.promiseKeptPercent))")
        lines.append("- \(t("monthlyReport.cases.median")): \(f.hours(cases.medianHandlingHours))")
        lines.append("")

        lines.append("\(t("monthlyReport.link.dashboard")): \(dashboardLink)")
        lines.append("\(t("monthlyReport.link.feed")): \(feedLink)")
        lines.append("")
        lines.append("-- ")
        lines.append(t("monthlyReport.why"))
        lines.append("\(t("monthlyReport.link.unsubscribe")): \(unsubscribeLink)")
        lines.append("\(t("monthlyReport.link.account")): \(accountLink)")
        return lines.joined(separator: "\n") + "\n"
    }
}
