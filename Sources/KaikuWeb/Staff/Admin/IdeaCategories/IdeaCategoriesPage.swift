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
            if let problem = model.problem {
                HTMLNode.errorSummary(title: t("form.error.title"), fieldID: fieldID(problem.form, problem.field), message: t(problem.messageKey))
            }
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

    private func fieldID(_ form: String, _ field: String) -> String {
        form == IdeaCategoriesModel.addForm ? "f-add-\(field)" : "f-rename-\(form)-\(field)"
    }

    private func field(form: String, name: String, label: String, value: String, hint: String? = nil, maxLength: Int) -> HTMLNode {
        let t = context.t
        let id = fieldID(form, name)
        let invalid = model.problem?.form == form && model.problem?.field == name
        let described = [hint.map { _ in "\(id)-hint" }, invalid ? "\(id)-error" : nil].compactMap { $0 }
        var attributes: [HTMLAttribute] = [.type("text"), .id(id), .name(name), .value(value), .maxlength(maxLength)]
        if !described.isEmpty { attributes.append(.ariaDescribedBy(described.joined(separator: " "))) }
        if invalid { attributes.append(.ariaInvalid("true")) }
        return .div(.class("field" + (invalid ? " has-error" : ""))) {
            HTMLNode.label(.for(id)) { label }
            if let hint { HTMLNode.p(.id("\(id)-hint"), .class("hint")) { hint } }
            if invalid, let problem = model.problem {
                HTMLNode.p(.id("\(id)-error"), .class("field-error")) {
                    HTMLNode.span(.class("visually-hidden")) { t("form.error.prefix") }
                    t(problem.messageKey)
                }
            }
            HTMLNode.input(attributes)
        }
    }

    private func nameFields(form: String, name: LocalizedText) -> [HTMLNode] {
        let t = context.t
        return [
            field(form: form, name: "fi", label: t("admin.themes.name.fi"), value: name.fi, maxLength: OwnThemeRules.maxNameLength),
            field(form: form, name: "sv", label: t("admin.themes.name.sv"), value: name.sv, maxLength: OwnThemeRules.maxNameLength),
            field(form: form, name: "en", label: t("admin.themes.name.en"), value: name.en, maxLength: OwnThemeRules.maxNameLength),
        ]
    }

    private var addForm: HTMLNode {
        let t = context.t
        return .form(.method(.post), .action(.staff(.adminIdeaCategories)), .id("add-category")) {
            context.csrfField
            field(form: IdeaCategoriesModel.addForm, name: "code", label: t("admin.themes.code"), value: model.draftCode,
                  hint: t("admin.ideaCategories.codeHint"), maxLength: OwnThemeRules.codeLength.upperBound)
            for node in nameFields(form: IdeaCategoriesModel.addForm, name: model.draftName) { node }
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
                        for node in nameFields(form: entry.code, name: entry.name) { node }
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
