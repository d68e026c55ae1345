import Foundation
import KaikuCore

/// `/staff/admin/templates`: the organisation's reply templates, each a link
/// to its editor, and a link to add one.
struct TemplatesPage {
    var context: PageContext
    var model: TemplatesModel

    func render() -> String {
        let t = context.t
        return StaffLayout(context, title: t("admin.templates.title")).render {
            HTMLNode.h1 { t("admin.templates.title") }
            HTMLNode.p(.class("lead")) { t("admin.templates.lead") }
            if model.removed { HTMLNode.p(.id("notice"), .class("notice panel"), .role("status")) { t("admin.templates.removed") } }
            HTMLNode.p {
                HTMLNode.a(.href(.staff(.adminTemplateNew)), .class("button"), .id("add-template")) { t("admin.templates.add") }
            }
            if model.rows.isEmpty {
                HTMLNode.p(.id("empty")) { t("admin.templates.empty") }
            } else {
                HTMLNode.tableBox(labelledBy: "templates-caption") {
                    HTMLNode.table(.class("cases"), .id("templates")) {
                        HTMLNode.caption(.id("templates-caption")) { t("admin.templates.caption") }
                        HTMLNode.thead {
                            HTMLNode.tr {
                                HTMLNode.th(.scope("col")) { t("admin.templates.col.name") }
                                HTMLNode.th(.scope("col")) { t("admin.templates.col.language") }
                                HTMLNode.th(.scope("col")) { t("admin.templates.col.subject") }
                            }
                        }
                        HTMLNode.tbody {
                            for row in model.rows {
                                HTMLNode.tr {
                                    HTMLNode.th(.scope("row")) { HTMLNode.a(.href(.staff(.adminTemplate(.value(row.id))))) { row.name } }
                                    HTMLNode.td { row.language }
                                    HTMLNode.td { row.subject }
                                }
                            }
                        }
                    }
                }
            }
            HTMLNode.p {
                HTMLNode.a(.href(.staff(.adminReferralTexts))) { t("admin.templates.referralsLink") }
            }
        }
    }
}
