import Foundation
import KaikuCore
import KaikuStore

/// `/staff/admin/reports`: one row per person and month.
struct AdminReportsPage {
    var context: PageContext
    var model: AdminReportsModel

    func render() -> String {
        let t = context.t
        return StaffLayout(context, title: t("admin.reports.title")).render {
            HTMLNode.h1 { t("admin.reports.title") }
            HTMLNode.p(.class("lead")) { t("admin.reports.lead", ["next": model.nextRun]) }
            if model.rows.isEmpty {
                HTMLNode.p(.id("empty")) { t("admin.reports.empty") }
            } else {
                HTMLNode.div(.class("table-wrap"), .role("region"), .ariaLabelledBy("reports-caption"), .tabindex(0)) {
                    HTMLNode.table(.class("cases"), .id("report-deliveries")) {
                        HTMLNode.caption(.id("reports-caption")) { t("admin.reports.caption", ["count": String(model.total)]) }
                        HTMLNode.thead {
                            HTMLNode.tr {
                                HTMLNode.th(.scope("col")) { t("admin.reports.col.month") }
                                HTMLNode.th(.scope("col")) { t("admin.reports.col.person") }
                                HTMLNode.th(.scope("col")) { t("admin.reports.col.sentAt") }
                                HTMLNode.th(.scope("col")) { t("admin.reports.col.status") }
                            }
                        }
                        HTMLNode.tbody {
                            for row in model.rows {
                                HTMLNode.tr {
                                    HTMLNode.td { row.month }
                                    HTMLNode.td { row.email }
                                    HTMLNode.td { row.sentAt ?? "–" }
                                    HTMLNode.td {
                                        t("admin.reports.status.\(row.status.rawValue)", ["attempts": String(row.attempts)])
                                        if let error = row.lastError {
                                            HTMLNode.br()
                                            HTMLNode.small { error }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                StaffPager(context: context, page: model.page, total: model.total, pageSize: AdminReportsModel.pageSize,
                           link: AdminReportsModel.url(page:)).render()
            }
        }
    }
}
