import Foundation
import KaikuCore

/// The editor of one reply template (or a new one): the fields, a preview
/// of the e-mail with a sample receipt, and for a saved template its removal.
struct TemplateEditPage {
    var context: PageContext
    var model: TemplateEditModel

    func render() -> String {
        let t = context.t
        let title = model.id == nil ? t("admin.templates.new") : t("admin.templates.edit")
        return StaffLayout(context.at(model.action), title: title).render {
            HTMLNode.p { HTMLNode.a(.href(.staff(.adminTemplates))) { t("admin.templates.back") } }
            HTMLNode.h1 { title }
            if model.justSaved { HTMLNode.p(.id("notice"), .class("notice panel"), .role("status")) { t("admin.templates.saved") } }
            if let field = model.errorField {
                HTMLNode.errorSummary(title: t("form.error.title"), fieldID: "f-\(field)", message: message(field))
            }
            HTMLNode.form(.method(.post), .action(model.action), .id("template-form"), .novalidate) {
                context.csrfField
                text("name", label: t("admin.templates.name"), value: model.draft.name, maxLength: 200)
                language()
                text("subject", label: t("admin.templates.subject"), value: model.draft.subject, maxLength: 200)
                HTMLNode.div(.class("field" + (model.isInvalid("body") ? " has-error" : ""))) {
                    HTMLNode.label(.for("f-body")) { t("admin.templates.body") }
                    HTMLNode.p(.id("f-body-hint"), .class("hint")) { t("admin.templates.placeholders") }
                    fieldError("body")
                    HTMLNode.textarea([.id("f-body"), .name("body"), .rows(10), .maxlength(4000)] + described("body", hint: true)) { model.draft.body }
                }
                HTMLNode.div(.class("review-buttons")) {
                    HTMLNode.button(.type("submit"), .name("intent"), .value("save"), .class("button")) { t("admin.templates.save") }
                    HTMLNode.button(.type("submit"), .name("intent"), .value("preview"), .class("button secondary")) { t("admin.templates.preview") }
                }
            }
            if let preview = model.preview {
                HTMLNode.section(.ariaLabelledBy("preview-title"), .id("preview"), .class("mail-preview")) {
                    HTMLNode.h2(.id("preview-title")) { t("admin.templates.previewTitle") }
                    HTMLNode.p(.class("hint")) { t("admin.templates.previewHint", ["receipt": ReplyTemplateDraft.sampleReceipt]) }
                    HTMLNode.dl(.class("status")) {
                        HTMLNode.dt { t("admin.templates.subject") }
                        HTMLNode.dd(.id("preview-subject")) { preview.subject }
                        HTMLNode.dt { t("admin.templates.body") }
                        HTMLNode.dd { HTMLNode.div(.class("open-text"), .id("preview-body")) { preview.body } }
                    }
                }
            }
            if let id = model.id {
                HTMLNode.form(.method(.post), .action(.staff(.adminTemplateDelete(.value(id)))), .id("delete-form")) {
                    HTMLNode.h2 { t("admin.templates.deleteTitle") }
                    context.csrfField
                    HTMLNode.p { t("admin.templates.deleteHint") }
                    HTMLNode.button(.type("submit"), .class("button secondary")) { t("admin.templates.delete") }
                }
            }
        }
    }

    private func message(_ field: String) -> String {
        let t = context.t
        switch field {
        case "name": return t("admin.templates.error.name")
        case "language": return t("admin.templates.error.language")
        case "subject": return t("admin.templates.error.subject")
        case "body": return t("admin.templates.error.body")
        default: return t("admin.templates.error.other")
        }
    }

    private func fieldError(_ field: String) -> HTMLNode? {
        guard model.isInvalid(field) else { return nil }
        return .p(.id("f-\(field)-error"), .class("field-error")) {
            HTMLNode.span(.class("visually-hidden")) { context.t("form.error.prefix") }
            message(field)
        }
    }

    private func described(_ field: String, hint: Bool) -> [HTMLAttribute] {
        let ids = (hint ? ["f-\(field)-hint"] : []) + (model.isInvalid(field) ? ["f-\(field)-error"] : [])
        return (ids.isEmpty ? [] : [.ariaDescribedBy(ids.joined(separator: " "))]) + (model.isInvalid(field) ? [.ariaInvalid("true")] : [])
    }

    private func text(_ field: String, label: String, value: String, maxLength: Int) -> HTMLNode {
        .div(.class("field" + (model.isInvalid(field) ? " has-error" : ""))) {
            HTMLNode.label(.for("f-\(field)")) { label }
            fieldError(field)
            HTMLNode.input([.type("text"), .id("f-\(field)"), .name(field), .value(value), .maxlength(maxLength), .required]
                           + described(field, hint: false))
        }
    }

    private func language() -> HTMLNode {
        let t = context.t
        return .div(.class("field" + (model.isInvalid("language") ? " has-error" : ""))) {
            HTMLNode.label(.for("f-language")) { t("admin.templates.language") }
            fieldError("language")
            HTMLNode.select([.id("f-language"), .name("language")] + described("language", hint: false)) {
                for language in model.languages {
                    HTMLNode.option([.value(language.rawValue)] + (model.draft.language == language.rawValue ? [.selected] : [])) {
                        languageName(language)
                    }
                }
            }
        }
    }

    private func languageName(_ language: Language) -> String {
        switch language {
        case .fi: context.t("admin.settings.language.fi")
        case .sv: context.t("admin.settings.language.sv")
        case .en: context.t("admin.settings.language.en")
        }
    }
}
