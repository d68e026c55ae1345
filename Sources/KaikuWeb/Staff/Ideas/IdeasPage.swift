import Foundation
import KaikuCore

/// `/staff/ideas`: the idea bank — filters, the counts by status, category
/// and year of what the filters select, and the ideas newest first as cards
/// (they read at 320 px where a wide table would not).
struct IdeasPage {
    var context: PageContext
    var model: IdeasModel

    func render() -> String {
        let t = context.t
        return StaffLayout(context.at(.staff(.ideas), model.filters.query), title: t("staff.ideas.title")).render {
            HTMLNode.h1 { t("staff.ideas.title") }
            if let notice = model.notice { HTMLNode.p(.id("notice"), .class("notice panel"), .role("status")) { t(notice) } }
            HTMLNode.p(.class("lead")) { t("staff.ideas.intro") }
            HTMLNode.p(.class("button-row")) {
                HTMLNode.a(.href(.staff(.ideaNew)), .class("button"), .id("new-idea")) { t("staff.ideas.new") }
            }
            filterForm
            counts
            list
        }
    }

    private var filterForm: HTMLNode {
        let t = context.t
        let filters = model.filters
        let statuses = [("", t("staff.ideas.filter.allStatuses"))] + IdeaStatus.allCases.map { ($0.rawValue, t("staff.ideas.status.\($0.rawValue)")) }
        let categories = [("", t("staff.ideas.filter.allCategories"))] + model.categories.map { ($0.code, $0.name) }
        let units = [("", t("staff.ideas.filter.allUnits"))] + model.units.map { ($0.code, String(repeating: "\u{2003}", count: $0.depth) + $0.name) }
        let years = [("", t("staff.ideas.filter.allYears"))] + model.years.map { (String($0), String($0)) }
        return .form(.method(.get), .action(.staff(.ideas)), .class("filters no-print"), .ariaLabel(t("staff.ideas.filter.label"))) {
            HTMLNode.input(.type("hidden"), .name("lang"), .value(context.language.rawValue))
            StaffForm.select("status", label: t("staff.ideas.field.status"), options: statuses, selected: filters.status)
            StaffForm.select("category", label: t("staff.ideas.field.category"), options: categories, selected: filters.category)
            StaffForm.select("unit", label: t("staff.ideas.field.unit"), options: units, selected: filters.unit)
            StaffForm.select("year", label: t("staff.ideas.field.year"), options: years, selected: filters.year)
            HTMLNode.button(.type("submit"), .class("button")) { t("staff.filter.apply") }
        }
    }

    private var counts: HTMLNode {
        let t = context.t
        return .section(.class("statistics"), .ariaLabelledBy("h-idea-counts"), .id("idea-counts")) {
            HTMLNode.h2(.id("h-idea-counts")) { t("staff.ideas.counts.title") }
            HTMLNode.dl(.class("figures")) {
                HTMLNode.div {
                    HTMLNode.dt { t("staff.ideas.counts.total") }
                    HTMLNode.dd(.id("idea-total")) { String(model.total) }
                }
            }
            HTMLNode.div(.class("idea-counts")) {
                table(id: "counts-status", caption: t("staff.ideas.counts.byStatus"), head: t("staff.ideas.field.status"), rows: model.statusCounts)
                table(id: "counts-category", caption: t("staff.ideas.counts.byCategory"), head: t("staff.ideas.field.category"), rows: model.categoryCounts)
                if !model.yearCounts.isEmpty {
                    table(id: "counts-year", caption: t("staff.ideas.counts.byYear"), head: t("staff.ideas.field.year"), rows: model.yearCounts)
                }
            }
            HTMLNode.p {
                HTMLNode.a(.href(SiteURL.staff(.ideasCSV).url(model.filters.query)), .id("ideas-csv")) { t("staff.ideas.csv") }
            }
        }
    }

    private func table(id: String, caption: String, head: String, rows: [IdeasModel.Count]) -> HTMLNode {
        .tableBox(label: caption) {
            HTMLNode.table(.class("figures-table"), .id(id)) {
                HTMLNode.caption { caption }
                HTMLNode.thead {
                    HTMLNode.tr {
                        HTMLNode.th(.scope("col")) { head }
                        HTMLNode.th(.scope("col"), .class("num")) { context.t("staff.ideas.counts.count") }
                    }
                }
                HTMLNode.tbody {
                    for row in rows {
                        HTMLNode.tr(.data("key", row.key)) {
                            HTMLNode.th(.scope("row")) { row.label }
                            HTMLNode.td(.class("num")) { String(row.count) }
                        }
                    }
                }
            }
        }
    }

    private var list: HTMLNode {
        let t = context.t
        return .section(.ariaLabelledBy("h-ideas")) {
            HTMLNode.h2(.id("h-ideas")) { t("staff.ideas.list") }
            if model.rows.isEmpty {
                HTMLNode.p(.id("ideas-empty")) { t("staff.ideas.empty") }
            } else {
                HTMLNode.ul(.class("plain-list"), .id("ideas")) {
                    for row in model.rows { card(row) }
                }
                if model.truncated { HTMLNode.p(.class("hint")) { t("staff.ideas.truncated") } }
            }
        }
    }

    private func card(_ row: IdeasModel.Row) -> HTMLNode {
        let t = context.t
        let by = row.submitter.map { row.mine ? t("staff.ideas.byYou") : t("staff.ideas.by", ["name": $0]) } ?? t("staff.ideas.anonymous")
        return .li(.class("note-card"), .data("idea", row.id.uuidString), .data("status", row.status.rawValue)) {
            HTMLNode.h3 { HTMLNode.a(.href(.staff(.idea(.value(row.id))))) { row.title } }
            HTMLNode.p(.class("hint")) {
                HTMLNode.strong { t("staff.ideas.status.\(row.status.rawValue)") }
                " · " + row.category + " · " + row.unit + " · " + row.submitted + " · " + by
                if let owner = row.owner { " · " + t("staff.ideas.ownedBy", ["name": owner]) }
            }
        }
    }
}
