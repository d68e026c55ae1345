import Foundation
import KaikuCore

/// `/staff/admin/themes`: every theme answers can carry, the seven defaults
/// first; a form to add the organisation's own and one per own theme to rename it.
struct ThemesAdminPage {
    var context: PageContext
    var model: ThemesAdminModel

    func render() -> String {
        let t = context.t
        return StaffLayout(context.at(.staff(.adminThemes)), title: t("admin.themes.title")).render {
            HTMLNode.h1 { t("admin.themes.title") }
            HTMLNode.p(.class("lead")) { t("admin.themes.lead") }
            if let notice = model.notice {
                HTMLNode.p(.id("notice"), .class("notice panel"), .role("status")) {
                    notice == .added ? t("admin.themes.added") : t("admin.themes.renamed")
                }
            }
            if let summary = fields.errorSummary { summary }
            table
            HTMLNode.section(.ariaLabelledBy("h-add")) {
                HTMLNode.h2(.id("h-add")) { t("admin.themes.addTitle") }
                addForm
            }
            HTMLNode.section(.ariaLabelledBy("h-own")) {
                HTMLNode.h2(.id("h-own")) { t("admin.themes.ownTitle") }
                if model.own.isEmpty {
                    HTMLNode.p { t("admin.themes.ownNone") }
                }
                for entry in model.own { renameForm(entry) }
            }
        }
    }

    private var table: HTMLNode {
        let t = context.t
        return .tableBox(label: t("admin.themes.caption")) {
            HTMLNode.table(.class("cases admin-list"), .id("themes")) {
                HTMLNode.caption { t("admin.themes.caption") }
                HTMLNode.thead {
                    HTMLNode.tr {
                        HTMLNode.th(.scope("col")) { t("admin.themes.col.name") }
                        HTMLNode.th(.scope("col")) { t("admin.themes.col.code") }
                        HTMLNode.th(.scope("col")) { t("admin.themes.col.kind") }
                    }
                }
                HTMLNode.tbody {
                    for entry in model.entries {
                        HTMLNode.tr(.id("theme-\(entry.code)")) {
                            HTMLNode.th(.scope("row")) { entry.name[context.language] }
                            HTMLNode.td(.data("label", t("admin.themes.col.code"))) { HTMLNode.span(.class("code")) { entry.code } }
                            HTMLNode.td(.data("label", t("admin.themes.col.kind"))) {
                                entry.isDefault ? t("admin.themes.kind.default") : t("admin.themes.kind.own")
                            }
                        }
                    }
                }
            }
        }
    }

    private var fields: CodedNameFields { CodedNameFields(context: context, problem: model.problem) }

    private var addForm: HTMLNode {
        let t = context.t
        return .form(.method(.post), .action(.staff(.adminThemes)), .id("add-theme")) {
            context.csrfField
            fields.codeField(value: model.draftCode, hint: t("admin.themes.codeHint"))
            for node in fields.nameFields(form: ThemesAdminModel.addForm, name: model.draftName) { node }
            HTMLNode.button(.type("submit"), .class("button")) { t("admin.themes.add") }
        }
    }

    private func renameForm(_ entry: ThemesAdminModel.Entry) -> HTMLNode {
        let t = context.t
        return .form(.method(.post), .action(.staff(.adminTheme(.value(entry.code)))), .id("rename-\(entry.code)")) {
            HTMLNode.fieldset(.class("question")) {
                HTMLNode.legend { t("admin.themes.renameLegend", ["code": entry.code]) }
                context.csrfField
                for node in fields.nameFields(form: entry.code, name: entry.name) { node }
                HTMLNode.button(.type("submit"), .class("button")) { t("admin.themes.rename", ["code": entry.code]) }
            }
        }
    }
}
