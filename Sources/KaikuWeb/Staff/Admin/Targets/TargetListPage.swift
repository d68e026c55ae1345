import Foundation
import KaikuCore

/// `/staff/admin/targets`: the feedback targets of the administrator's
/// units, searchable, with links to edit each and print its QR card.
struct TargetListPage {
    var context: PageContext
    var model: TargetListModel

    func render() -> String {
        let t = context.t
        let filters = model.filters
        let here = context.at(.staff(.adminTargets), filters.query + (filters.page > 1 ? [("page", String(filters.page))] : []))
        return StaffLayout(here, title: t("staff.admin.targets.title")).render {
            HTMLNode.h1 { t("staff.admin.targets.title") }
            HTMLNode.p(.class("lead")) { t("staff.admin.targets.intro") }
            HTMLNode.p(.class("actions")) {
                HTMLNode.a(.href(.staff(.adminTargetNew)), .class("button")) { t("staff.admin.targets.add") }
                if model.canImport {
                    " "
                    HTMLNode.a(.href(.staff(.adminTargetsImport)), .class("button secondary")) { t("staff.admin.targets.import") }
                }
            }
            filterForm
            HTMLNode.p(.id("targets-count"), .role("status")) { t("staff.admin.targets.count", ["count": String(model.total)]) }
            if !model.rows.isEmpty {
                table
                StaffPager(context: context, page: filters.page, total: model.total, pageSize: TargetListModel.pageSize,
                           link: filters.url(page:)).render()
            }
        }
    }

    private var filterForm: HTMLNode {
        let t = context.t
        let filters = model.filters
        let units = [("", t("staff.filter.allUnits"))] + model.units.map { ($0.code, String(repeating: "\u{2003}", count: $0.depth) + $0.name) }
        let statuses = TargetListFilters.Status.allCases.map { ($0.rawValue, t("staff.admin.targets.status.\($0.rawValue)")) }
        return .form(.method(.get), .action(.staff(.adminTargets)), .class("filters"), .ariaLabel(t("staff.admin.targets.search"))) {
            StaffForm.input("q", type: "search", label: t("staff.admin.targets.q"), value: filters.q, extra: [.maxlength(100)])
            StaffForm.select("unit", label: t("staff.filter.unit"), options: units, selected: filters.unit)
            StaffForm.select("status", label: t("staff.admin.targets.statusFilter"), options: statuses, selected: filters.status.rawValue)
            HTMLNode.button(.type("submit"), .class("button")) { t("staff.filter.apply") }
        }
    }

    private var table: HTMLNode {
        let t = context.t
        return .tableBox(label: t("staff.admin.targets.caption")) {
            HTMLNode.table(.class("cases admin-list"), .id("targets")) {
                HTMLNode.caption { t("staff.admin.targets.caption") }
                HTMLNode.thead {
                    HTMLNode.tr {
                        for key in ["name", "unit", "state", "actions"] { HTMLNode.th(.scope("col")) { t("staff.admin.targets.col.\(key)") } }
                    }
                }
                HTMLNode.tbody {
                    for row in model.rows {
                        HTMLNode.tr(.data("code", row.code)) {
                            HTMLNode.th(.scope("row")) {
                                row.name
                                HTMLNode.span(.class("code")) { t("staff.admin.targets.codeShort", ["code": row.code]) }
                            }
                            HTMLNode.td(.data("label", t("staff.admin.targets.col.unit"))) { row.unit }
                            HTMLNode.td(.data("label", t("staff.admin.targets.col.state"))) { state(row) }
                            HTMLNode.td {
                                HTMLNode.a(.href(.staff(.adminTarget(.value(row.code)))), .ariaLabel(t("staff.admin.targets.editNamed", ["target": row.name]))) {
                                    t("staff.admin.targets.edit")
                                }
                                " "
                                HTMLNode.a(.href(SiteURL.staff(.posters).url([("target", row.code)])),
                                           .ariaLabel(t("staff.admin.targets.cardNamed", ["target": row.name]))) {
                                    t("staff.admin.targets.card")
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private func state(_ row: TargetListModel.Row) -> String {
        let t = context.t
        if !row.active { return t("staff.admin.targets.state.inactive") }
        return row.unitClosed ? t("staff.admin.targets.state.unitClosed") : t("staff.admin.targets.state.active")
    }
}
