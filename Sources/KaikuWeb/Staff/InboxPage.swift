import Foundation
import KaikuCore
import KaikuStore

/// The handler's inbox: cases of their units, earliest due first, with the
/// late and nearly late ones marked in words as well as colour.
struct InboxPage {
    struct Row {
        var id: UUID
        var receipt: String
        var unit: String
        var received: String
        var due: String
        var late: Bool
        var dueSoon: Bool
        var status: CaseStatus
        var channel: String
        var themes: [String]
        var excerpt: String?
        var assignee: String?
    }

    struct Filters {
        var status: String = CaseInbox.StatusFilter.pending.rawValue
        var unit: String = ""
        var channel: String = ""
        var due: String = ""
        var theme: String = ""
        var mine: Bool = false

        var query: [(String, String)] {
            [("status", status), ("unit", unit), ("channel", channel), ("due", due), ("theme", theme)].filter { !$0.1.isEmpty }
                + (mine ? [("mine", "1")] : [])
        }
    }

    var language: Language
    var catalogue: Catalogue
    var session: SessionToken
    var filters: Filters
    /// Units the user may filter by, parents before children, with their depth.
    var units: [(code: String, name: String, depth: Int)]
    var rows: [Row]
    var total: Int
    var late: Int
    var dueSoon: Int
    var pageNumber: Int
    var pageSize: Int
    /// For supervisors and administrators: how the units are keeping the promise.
    var statistics: CaseStatistics?

    func render() -> String {
        let t = { (key: String) in catalogue.text(key, language) }
        let layout = StaffLayout(language: language, catalogue: catalogue, title: t("staff.inbox.title"), path: "/staff",
                                 query: filters.query + (pageNumber > 1 ? [("page", String(pageNumber))] : []), session: session)
        return layout.render {
            HTMLNode.el("h1") { t("staff.inbox.title") }
            HTMLNode.el("p", .class("lead"), .id("inbox-counts")) {
                catalogue.text("staff.inbox.counts", language, ["total": String(total), "late": String(late), "soon": String(dueSoon)])
            }
            if let statistics { statisticsPanel(statistics, t) }
            filterForm(t)
            if rows.isEmpty {
                HTMLNode.el("p", .id("inbox-empty")) { t("staff.inbox.empty") }
            } else {
                table(t)
                pager(t)
            }
        }
    }

    private func statisticsPanel(_ figures: CaseStatistics, _ t: (String) -> String) -> HTMLNode {
        let hours = figures.medianHandlingHours.map { String(format: "%.0f", $0) }
        return .el("section", .class("statistics"), .attr("aria-labelledby", "h-statistics")) {
            HTMLNode.el("h2", .id("h-statistics")) { t("staff.stats.title") }
            HTMLNode.el("dl", .class("figures"), .id("statistics")) {
                for (key, value) in [("pending", String(figures.pending)), ("late", String(figures.late)), ("finished", String(figures.finished)),
                                     ("median", hours.map { catalogue.text("staff.stats.hours", language, ["hours": $0]) } ?? "–"),
                                     ("kept", figures.promiseKeptPercent.map { "\($0) %" } ?? "–")] {
                    HTMLNode.el("div") {
                        HTMLNode.el("dt") { t("staff.stats.\(key)") }
                        HTMLNode.el("dd") { value }
                    }
                }
            }
        }
    }

    private func filterForm(_ t: (String) -> String) -> HTMLNode {
        let statuses = CaseInbox.StatusFilter.allCases.map { ($0.rawValue, t("staff.filter.status.\($0.rawValue)")) }
        let unitOptions = [("", t("staff.filter.allUnits"))] + units.map { unit in
            (unit.code, String(repeating: "\u{2003}", count: unit.depth) + unit.name)
        }
        let channels = [("", t("staff.filter.allChannels"))] + KaikuCore.Channel.allCases.map { ($0.rawValue, t("channel.\($0.rawValue)")) }
        let dues = [("", t("staff.filter.anyDue")), ("late", t("staff.filter.due.late")), ("soon", t("staff.filter.due.soon"))]
        let themes = [("", t("staff.filter.allThemes"))] + Theme.allCases.map { ($0.rawValue, t("theme.\($0.rawValue)")) }
        return .el("form", .attr("method", "get"), .attr("action", "/staff"), .class("filters"), .attr("aria-label", t("staff.filter.label"))) {
            StaffForm.select("status", label: t("staff.filter.status"), options: statuses, selected: filters.status)
            StaffForm.select("unit", label: t("staff.filter.unit"), options: unitOptions, selected: filters.unit)
            StaffForm.select("channel", label: t("staff.filter.channel"), options: channels, selected: filters.channel)
            StaffForm.select("due", label: t("staff.filter.due"), options: dues, selected: filters.due)
            StaffForm.select("theme", label: t("staff.filter.theme"), options: themes, selected: filters.theme)
            HTMLNode.el("div", .class("field checkbox")) {
                HTMLNode.el("input", [.id("f-mine"), .type("checkbox"), .name("mine"), .value("1")] + (filters.mine ? [.flag("checked")] : []))
                HTMLNode.el("label", .for("f-mine")) { t("staff.filter.mine") }
            }
            HTMLNode.el("button", .type("submit"), .class("button")) { t("staff.filter.apply") }
        }
    }

    private func table(_ t: (String) -> String) -> HTMLNode {
        .el("div", .class("table-wrap")) {
            HTMLNode.el("table", .class("cases"), .id("cases")) {
                HTMLNode.el("caption") { t("staff.inbox.caption") }
                HTMLNode.el("thead") {
                    HTMLNode.el("tr") {
                        for key in ["receipt", "due", "status", "unit", "received", "channel", "feedback", "handler"] {
                            HTMLNode.el("th", .attr("scope", "col")) { t("staff.inbox.column.\(key)") }
                        }
                    }
                }
                HTMLNode.el("tbody") {
                    for row in rows {
                        HTMLNode.el("tr", row.late ? [.class("late")] : []) {
                            HTMLNode.el("th", .attr("scope", "row")) {
                                HTMLNode.el("a", .href("/staff/cases/\(row.id.uuidString)")) { row.receipt }
                            }
                            HTMLNode.el("td") {
                                row.due
                                if row.late {
                                    HTMLNode.el("span", .class("badge badge-late")) { t("staff.badge.late") }
                                } else if row.dueSoon {
                                    HTMLNode.el("span", .class("badge badge-soon")) { t("staff.badge.soon") }
                                }
                            }
                            HTMLNode.el("td") { t("staff.status.\(row.status.rawValue)") }
                            HTMLNode.el("td") { row.unit }
                            HTMLNode.el("td") { row.received }
                            HTMLNode.el("td") { t("channel.\(row.channel)") }
                            HTMLNode.el("td") {
                                if let excerpt = row.excerpt { HTMLNode.el("span", .class("excerpt")) { excerpt } }
                                if !row.themes.isEmpty {
                                    HTMLNode.el("span", .class("themes")) { row.themes.map { t("theme.\($0)") }.joined(separator: ", ") }
                                }
                            }
                            HTMLNode.el("td") { row.assignee ?? "–" }
                        }
                    }
                }
            }
        }
    }

    private func pager(_ t: (String) -> String) -> HTMLNode {
        StaffPager(page: pageNumber, total: total, pageSize: pageSize, catalogue: catalogue, language: language) { page in
            var components = URLComponents()
            components.path = "/staff"
            components.queryItems = (filters.query + [("page", String(page))]).map { URLQueryItem(name: $0.0, value: $0.1) }
            return components.string ?? "/staff"
        }.render()
    }
}
