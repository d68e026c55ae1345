import Foundation
import KaikuCore

/// `/staff/admin/audit-log`: who changed what and when, newest first, with
/// filters, pages and the whole selection as CSV.
struct AuditLogPage {
    var context: PageContext
    var model: AuditLogModel

    func render() -> String {
        let t = context.t
        return StaffLayout(context, title: t("admin.audit.title")).render {
            HTMLNode.h1 { t("admin.audit.title") }
            HTMLNode.p(.class("lead")) { t("admin.audit.lead") }
            if let field = model.errorField {
                HTMLNode.errorSummary(title: t("admin.audit.error.title"), fieldID: "f-\(field)", message: message(field))
            }
            filters()
            HTMLNode.p {
                HTMLNode.a(.href(model.filters.csvURL), .id("csv-link")) { t("admin.audit.csv") }
            }
            if model.rows.isEmpty {
                HTMLNode.p(.id("empty")) { t("admin.audit.empty") }
            } else {
                table()
                StaffPager(context: context, page: model.filters.page, total: model.total, pageSize: model.pageSize,
                           link: model.filters.url(page:)).render()
            }
        }
    }

    private func message(_ field: String) -> String {
        switch field {
        case "to": context.t("admin.audit.error.to")
        case "action": context.t("admin.audit.error.action")
        default: context.t("admin.audit.error.from")
        }
    }

    private func filters() -> HTMLNode {
        let t = context.t
        let areas = Array(Set(model.actions.compactMap { $0.split(separator: ".").first.map(String.init) })).sorted()
        let options = [("", t("admin.audit.allActions"))] + areas.map { ($0, t("admin.audit.area", ["area": $0])) } + model.actions.map { ($0, $0) }
        return .form(.method(.get), .action(.staff(.adminAuditLog)), .class("filters"), .id("filters")) {
            dateField("from", label: t("admin.audit.from"), value: model.filters.from)
            dateField("to", label: t("admin.audit.to"), value: model.filters.to)
            StaffForm.select("action", label: t("admin.audit.action"), options: options, selected: model.filters.action)
            HTMLNode.button(.type("submit"), .class("button")) { t("admin.audit.show") }
        }
    }

    private func dateField(_ name: String, label: String, value: String) -> HTMLNode {
        let invalid = model.errorField == name
        return .div(.class("field")) {
            HTMLNode.label(.for("f-\(name)")) { label }
            if invalid {
                HTMLNode.p(.id("f-\(name)-error"), .class("field-error")) {
                    HTMLNode.span(.class("visually-hidden")) { context.t("form.error.prefix") }
                    message(name)
                }
            }
            HTMLNode.input([.type("date"), .id("f-\(name)"), .name(name), .value(value)]
                           + (invalid ? [.ariaInvalid("true"), .ariaDescribedBy("f-\(name)-error")] : []))
        }
    }

    private func table() -> HTMLNode {
        let t = context.t
        // The table scrolls in its box on a phone: a named region that takes focus, so that a keyboard scrolls it too.
        return .div(.class("table-wrap audit-wrap"), .role("region"), .ariaLabelledBy("audit-caption"), .tabindex(0)) {
            HTMLNode.table(.class("cases audit"), .id("audit-log")) {
                HTMLNode.caption(.id("audit-caption")) { t("admin.audit.caption", ["count": String(model.total)]) }
                HTMLNode.thead {
                    HTMLNode.tr {
                        HTMLNode.th(.scope("col")) { t("admin.audit.col.at") }
                        HTMLNode.th(.scope("col")) { t("admin.audit.col.actor") }
                        HTMLNode.th(.scope("col")) { t("admin.audit.col.action") }
                        HTMLNode.th(.scope("col")) { t("admin.audit.col.subject") }
                        HTMLNode.th(.scope("col")) { t("admin.audit.col.changes") }
                    }
                }
                HTMLNode.tbody {
                    for row in model.rows {
                        HTMLNode.tr {
                            HTMLNode.td { row.at }
                            HTMLNode.td { row.actor }
                            HTMLNode.td { HTMLNode.code { row.action } }
                            HTMLNode.td { row.subject }
                            HTMLNode.td { changes(row.changes) }
                        }
                    }
                }
            }
        }
    }

    private func changes(_ changes: [AuditLogModel.Change]) -> HTMLNode {
        let t = context.t
        return .ul(.class("audit-changes")) {
            for change in changes {
                HTMLNode.li {
                    if !change.name.isEmpty { HTMLNode.strong { change.name + ": " } }
                    if let before = change.before {
                        HTMLNode.span(.class("visually-hidden")) { t("admin.audit.before") + " " }
                        HTMLNode.span(.class("before")) { before }
                    }
                    if change.before != nil && change.after != nil { HTMLNode.span(.ariaHidden("true")) { " → " } }
                    if let after = change.after {
                        HTMLNode.span(.class("visually-hidden")) { " " + t("admin.audit.after") + " " }
                        HTMLNode.span(.class("after")) { after }
                    }
                    if change.after == nil { HTMLNode.em { " " + t("admin.audit.removed") } }
                    if change.before == nil { HTMLNode.em { " " + t("admin.audit.added") } }
                }
            }
        }
    }
}
