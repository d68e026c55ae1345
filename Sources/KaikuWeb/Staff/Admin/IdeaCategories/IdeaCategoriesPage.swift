import Foundation
import KaikuCore

/// `/staff/admin/idea-categories`: the idea bank's categories, the defaults
/// first, each with a form to rename it, and a form to add the organisation's own.
struct IdeaCategoriesPage {
    var context: PageContext
    var model: IdeaCategoriesModel

    func render() -> String {
        let t = context.t
        return StaffLayout(context.at(.staff(.adminIdeaCategories)), title: t("admin.ideaCategories.title")).render {
            HTMLNode.h1 { t("admin.ideaCategories.title") }
            HTMLNode.p(.class("lead")) { t("admin.ideaCategories.lead") }
            if let notice = model.notice {
                HTMLNode.p(.id("notice"), .class("notice panel"), .role("status")) {
                    notice == .added ? t("admin.ideaCategories.added") : t("admin.ideaCategories.renamed")
                }
            }
            if let summary = fields.errorSummary { summary }
            HTMLNode.section(.ariaLabelledBy("h-categories")) {
                HTMLNode.h2(.id("h-categories")) { t("admin.ideaCategories.listTitle") }
                HTMLNode.ul(.class("plain-list"), .id("categories")) {
                    for entry in model.entries { renameForm(entry) }
                }
            }
            HTMLNode.section(.ariaLabelledBy("h-add")) {
                HTMLNode.h2(.id("h-add")) { t("admin.ideaCategories.addTitle") }
                addForm
            }
        }
    }

    private var fields: CodedNameFields { CodedNameFields(context: context, problem: model.problem) }

    private var addForm: HTMLNode {
        let t = context.t
        return .form(.method(.post), .action(.staff(.adminIdeaCategories)), .id("add-category")) {
            context.csrfField
            fields.codeField(value: model.draftCode, hint: t("admin.ideaCategories.codeHint"))
            for node in fields.nameFields(form: IdeaCategoriesModel.addForm, name: model.draftName) { node }
            HTMLNode.button(.type("submit"), .class("button")) { t("admin.ideaCategories.add") }
        }
    }

    private func renameForm(_ entry: IdeaCategoriesModel.Entry) -> HTMLNode {
        let t = context.t
        let kind = entry.isDefault ? t("admin.ideaCategories.kind.default") : t("admin.ideaCategories.kind.own")
        return .li(.class("note-card"), .id("category-\(entry.code)")) {
            HTMLNode.form(.method(.post), .action(.staff(.adminIdeaCategory(.value(entry.code)))), .id("rename-\(entry.code)")) {
                HTMLNode.fieldset(.class("question")) {
                    HTMLNode.legend { entry.name[context.language] + " (" + entry.code + ", " + kind + ")" }
                    context.csrfField
                    HTMLNode.div(.class("category-names")) {
                        for node in fields.nameFields(form: entry.code, name: entry.name) { node }
                    }
                    HTMLNode.button(.type("submit"), .class("button secondary")) {
                        t("admin.ideaCategories.rename")
                        HTMLNode.span(.class("visually-hidden")) { " " + entry.code }
                    }
                }
            }
        }
    }
}
