import Foundation
import KaikuCore
import KaikuStore

/// The handler's inbox: cases of their units, earliest due first, with the
/// late and nearly late ones marked in words as well as colour.
struct InboxPage {
    var context: PageContext
    var model: InboxModel

    func render() -> String {
        let t = context.t
        let filters = model.filters
        let here = context.at(.staff(.inbox), filters.query + (filters.page > 1 ? [("page", String(filters.page))] : []))
        return StaffLayout(here, title: t("staff.inbox.title")).render {
            HTMLNode.h1 { t("staff.inbox.title") }
            HTMLNode.p(.class("lead"), .id("inbox-counts")) {
                t("staff.inbox.counts", ["total": String(model.total), "late": String(model.late), "soon": String(model.dueSoon)])
            }
            if let statistics = model.statistics { statisticsPanel(statistics) }
            filterForm
            if model.rows.isEmpty {
                HTMLNode.p(.id("inbox-empty")) { t("staff.inbox.empty") }
            } else {
                table
                pager
            }
        }
    }

    private func statisticsPanel(_ figures: CaseStatistics) -> HTMLNode {
        let t = context.t
        func hours(_ value: Double?) -> String { value.map { t("staff.stats.hours", ["hours": String(format: "%.0f", $0)]) } ?? "–" }
        return .section(.class("statistics"), .ariaLabelledBy("h-statistics")) {
            HTMLNode.h2(.id("h-statistics")) { t("staff.stats.title") }
            HTMLNode.dl(.class("figures"), .id("statistics")) {
                for (key, value) in [("pending", String(figures.pending)), ("late", String(figures.late)), ("finished", String(figures.finished)),
                                     ("reactionMedian", hours(figures.medianReactionHours)),
                                     ("reactionKept", figures.reactionKeptPercent.map { "\($0) %" } ?? "–"),
                                     ("median", hours(figures.medianHandlingHours)),
                                     ("kept", figures.promiseKeptPercent.map { "\($0) %" } ?? "–")] {
                    HTMLNode.div {
                        HTMLNode.dt { t("staff.stats.\(key)") }
                        HTMLNode.dd { value }
                    }
                }
            }
        }
    }

    private var filterForm: HTMLNode {
        let t = context.t
        let filters = model.filters
        let statuses = CaseInbox.StatusFilter.allCases.map { ($0.rawValue, t("staff.filter.status.\($0.rawValue)")) }
        let unitOptions = [("", t("staff.filter.allUnits"))] + model.units.map { unit in
            (unit.code, String(repeating: "\u{2003}", count: unit.depth) + unit.name)
        }
        let channels = [("", t("staff.filter.allChannels"))] + KaikuCore.Channel.allCases.map { ($0.rawValue, t("channel.\($0.rawValue)")) }
        let dues = [("", t("staff.filter.anyDue")), ("late", t("staff.filter.due.late")), ("soon", t("staff.filter.due.soon"))]
        let themes = [("", t("staff.filter.allThemes"))] + Theme.allCases.map { ($0.rawValue, t("theme.\($0.rawValue)")) }
        return .form(.method(.get), .action(.staff(.inbox)), .class("filters"), .ariaLabel(t("staff.filter.label"))) {
            StaffForm.select("status", label: t("staff.filter.status"), options: statuses, selected: filters.status.rawValue)
            StaffForm.select("unit", label: t("staff.filter.unit"), options: unitOptions, selected: filters.unit)
            StaffForm.select("channel", label: t("staff.filter.channel"), options: channels, selected: filters.channel?.rawValue ?? "")
            StaffForm.select("due", label: t("staff.filter.due"), options: dues, selected: filters.due?.rawValue ?? "")
            StaffForm.select("theme", label: t("staff.filter.theme"), options: themes, selected: filters.theme?.rawValue ?? "")
            HTMLNode.div(.class("field checkbox")) {
                HTMLNode.input([.id("f-mine"), .type("checkbox"), .name("mine"), .value("1")] + (filters.mine ? [.checked] : []))
                HTMLNode.label(.for("f-mine")) { t("staff.filter.mine") }
            }
            HTMLNode.button(.type("submit"), .class("button")) { t("staff.filter.apply") }
        }
    }

    /// A table on wide screens; on a phone the stylesheet makes each row a
    /// card whose cells say their column (`data-label`), so nothing scrolls sideways.
    private var table: HTMLNode {
        let t = context.t
        let keys = ["receipt", "due", "status", "unit", "received", "channel", "feedback", "handler"]
        let label = Dictionary(uniqueKeysWithValues: keys.map { ($0, t("staff.inbox.column.\($0)")) })
        func cell(_ key: String, @HTMLBuilder _ content: () -> [HTMLNode]) -> HTMLNode {
            .td([.attr("data-label", label[key] ?? key)], content: content)
        }
        return .tableBox(labelledBy: "cases-caption") {
            HTMLNode.table(.class("cases card-rows"), .id("cases")) {
                HTMLNode.caption(.id("cases-caption")) { t("staff.inbox.caption") }
                HTMLNode.thead {
                    HTMLNode.tr {
                        for key in keys {
                            HTMLNode.th(.scope("col")) { label[key] ?? key }
                        }
                    }
                }
                HTMLNode.tbody {
                    for row in model.rows {
                        HTMLNode.tr(row.late ? [.class("late")] : []) {
                            HTMLNode.th(.scope("row")) {
                                HTMLNode.a(.href(.staff(.caseItem(.value(row.id))))) { row.receipt }
                            }
                            cell("due") {
                                row.due
                                if row.late {
                                    HTMLNode.span(.class("badge badge-late")) { t("staff.badge.late") }
                                } else if row.dueSoon {
                                    HTMLNode.span(.class("badge badge-soon")) { t("staff.badge.soon") }
                                }
                            }
                            cell("status") { t("staff.status.\(row.status.rawValue)") }
                            cell("unit") { row.unit }
                            cell("received") { row.received }
                            cell("channel") { t("channel.\(row.channel)") }
                            cell("feedback") {
                                if let excerpt = row.excerpt { HTMLNode.span(.class("excerpt")) { excerpt } }
                                if !row.themes.isEmpty {
                                    HTMLNode.span(.class("themes")) { row.themes.map { t("theme.\($0)") }.joined(separator: ", ") }
                                }
                            }
                            cell("handler") { row.assignee ?? "–" }
                        }
                    }
                }
            }
        }
    }

    private var pager: HTMLNode {
        StaffPager(context: context, page: model.filters.page, total: model.total, pageSize: model.pageSize, link: model.filters.url(page:)).render()
    }
}
