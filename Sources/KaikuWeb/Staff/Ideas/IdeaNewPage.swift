import Foundation
import KaikuCore

/// `/staff/ideas/new`: a staff member sends an idea — its title, what it is
/// about, a category and the unit it concerns, and whether colleagues see who
/// sent it.
struct IdeaNewPage {
    var context: PageContext
    var model: IdeaFormModel

    func render() -> String {
        let t = context.t
        let draft = model.draft
        return StaffLayout(context.at(.staff(.ideaNew)), title: t("staff.ideas.new")).render {
            HTMLNode.p { HTMLNode.a(.href(.staff(.ideas))) { t("staff.ideas.back") } }
            HTMLNode.h1 { t("staff.ideas.new") }
            if let problem = model.problem, let field = model.errorField {
                HTMLNode.errorSummary(title: t("form.error.title"), fieldID: field, message: t(problem.messageKey))
            }
            HTMLNode.p(.class("hint")) { t("staff.ideas.new.intro") }
            HTMLNode.form(.method(.post), .action(.staff(.ideaNew)), .id("idea-form"), .novalidate) {
                context.csrfField
                textField("title", label: t("staff.ideas.field.title"), hint: t("staff.ideas.hint.title", ["max": String(IdeaText.maxTitleLength)]),
                          value: draft.title, max: IdeaText.maxTitleLength, multiline: false)
                textField("description", label: t("staff.ideas.field.description"),
                          hint: t("staff.ideas.hint.description", ["max": String(IdeaText.maxDescriptionLength)]),
                          value: draft.description, max: IdeaText.maxDescriptionLength, multiline: true)
                choice("category", label: t("staff.ideas.field.category"), options: model.categories.map { ($0.code, $0.name) },
                       selected: draft.category)
                choice("unit", label: t("staff.ideas.field.unit"),
                       options: model.units.map { ($0.code, String(repeating: "\u{2003}", count: $0.depth) + $0.name) }, selected: draft.unit)
                HTMLNode.div(.class("field")) {
                    HTMLNode.div(.class("option")) {
                        HTMLNode.input([.type("checkbox"), .id("f-anonymous"), .name("anonymous"), .value("true"), .ariaDescribedBy("f-anonymous-hint")]
                                       + (draft.anonymous ? [.checked] : []))
                        HTMLNode.label(.for("f-anonymous")) { t("staff.ideas.field.anonymous") }
                    }
                    HTMLNode.p(.id("f-anonymous-hint"), .class("hint")) { t("staff.ideas.hint.anonymous") }
                }
                HTMLNode.div(.class("review-buttons")) {
                    HTMLNode.button(.type("submit"), .class("button")) { t("staff.ideas.submit") }
                }
            }
        }
    }

    private func textField(_ name: String, label: String, hint: String, value: String, max: Int, multiline: Bool) -> HTMLNode {
        let id = "f-\(name)"
        let invalid = model.invalid(name)
        let described = ["\(id)-hint"] + (invalid ? ["\(id)-error"] : [])
        let attributes: [HTMLAttribute] = [.id(id), .name(name), .maxlength(max), .required, .ariaDescribedBy(described.joined(separator: " "))]
            + (invalid ? [.ariaInvalid("true")] : [])
        return .div(.class("field" + (invalid ? " has-error" : ""))) {
            HTMLNode.label(.for(id)) { label }
            HTMLNode.p(.id("\(id)-hint"), .class("hint")) { hint }
            error(for: name)
            if multiline {
                HTMLNode.textarea(attributes + [.rows(8)]) { value }
            } else {
                HTMLNode.input(attributes + [.type("text"), .value(value)])
            }
        }
    }

    private func choice(_ name: String, label: String, options: [(String, String)], selected: String) -> HTMLNode {
        let id = "f-\(name)"
        let invalid = model.invalid(name)
        return .div(.class("field" + (invalid ? " has-error" : ""))) {
            HTMLNode.label(.for(id)) { label }
            error(for: name)
            HTMLNode.select([.id(id), .name(name)] + (invalid ? [.ariaInvalid("true"), .ariaDescribedBy("\(id)-error")] : [])) {
                for (value, text) in options {
                    HTMLNode.option(value == selected ? [.value(value), .selected] : [.value(value)]) { text }
                }
            }
        }
    }

    private func error(for field: String) -> HTMLNode {
        guard let problem = model.problem, problem.field == field else { return .text("") }
        return .p(.id("f-\(field)-error"), .class("field-error")) {
            HTMLNode.span(.class("visually-hidden")) { context.t("form.error.prefix") }
            context.t(problem.messageKey)
        }
    }
}
