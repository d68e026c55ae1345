import Foundation
import KaikuCore
import KaikuStore

/// The feedback form of one target: the survey in the customer's language,
/// with what they already typed and the first problem found, if any.
struct FormPage {
    var context: PageContext
    var model: FormModel

    private var language: Language { context.language }
    private var survey: SurveyDefinition { model.survey }

    func render() -> String {
        let t = context.t
        let target = model.target
        // A refused form says so first in the window's title, which is what a screen reader reads on arrival.
        let title = (model.error == nil ? "" : t("form.error.prefix")) + target.targetName[language]
        return PageLayout(context, title: title).render {
            HTMLNode.p(.class("organisation")) { target.organisationName[language] }
            HTMLNode.h1 { target.targetName[language] }
            HTMLNode.p(.class("lead")) { t("form.intro") }
            if !model.errors.isEmpty {
                HTMLNode.errorSummary(title: t("form.error.title"), problems: model.errors.map { error in
                    (model.inputID(for: error), context.catalogue.message(for: error, in: language))
                })
            }
            HTMLNode.form(.method(.post), .action(model.address), .novalidate, .id("feedback-form")) {
                HTMLNode.input(.type("hidden"), .name("lang"), .value(language.rawValue))
                HTMLNode.input(.type("hidden"), .name("formToken"), .value(model.formToken))
                for question in survey.questions where question.type == .scale0to10 { recommendation(question) }
                HTMLNode.h2 { t("form.statements.heading") }
                HTMLNode.p(.class("hint")) { t("form.statements.hint") }
                for question in survey.statements { statement(question) }
                for question in survey.ownQuestions where question.type != .scale1to5 {
                    question.type == .choice ? choice(question) : ownText(question)
                }
                openText()
                HTMLNode.h2 { t("form.background.heading") }
                for question in survey.questions where question.type == .choice && !question.isOwn { choice(question) }
                contact()
                // Filled in and shown by form.js; without a script there is nothing to say.
                HTMLNode.p(.id("form-progress"), .class("form-progress"), .data("template", t("form.progress")), .hidden) { "" }
                HTMLNode.button(.type("submit"), .class("button")) { t("form.submit") }
            }
            HTMLNode.script(.src(SiteURL.formScript.path), .defer)
            // After the form, so that it never comes between a customer and the submit button.
            HTMLNode.p(.class("figures-link")) {
                HTMLNode.a(.href(model.figures.url(language: language))) { t("figures.link") }
            }
        }
    }

    private func fieldError(_ field: String) -> HTMLNode? {
        guard let error = model.error(for: field) else { return nil }
        return .p(.id(FormModel.errorID(for: field)), .class("field-error")) {
            HTMLNode.span(.class("visually-hidden")) { context.t("form.error.prefix") }
            context.catalogue.message(for: error, in: language)
        }
    }

    private func fieldsetAttributes(field: String, describedBy hints: [String] = []) -> [HTMLAttribute] {
        let ids = model.describedBy(field, hints: hints)
        var attributes: [HTMLAttribute] = [.class(model.hasError(field) ? "question has-error" : "question")]
        if !ids.isEmpty { attributes.append(.ariaDescribedBy(ids.joined(separator: " "))) }
        return attributes
    }

    private func radio(name: String, id: String, value: String, label: String, field: String) -> HTMLNode {
        radio(name: name, id: id, value: value, field: field) { label }
    }

    private func radio(name: String, id: String, value: String, field: String, @HTMLBuilder label: () -> [HTMLNode]) -> HTMLNode {
        var attributes: [HTMLAttribute] = [.type("radio"), .id(id), .name(name), .value(value)]
        if model.isChosen(name, value) { attributes.append(.checked) }
        if model.hasError(field) { attributes.append(.ariaInvalid("true")) }
        return .div(.class("option")) {
            HTMLNode.input(attributes)
            HTMLNode.label(.for(id), content: label)
        }
    }

    private func recommendation(_ question: Question) -> HTMLNode {
        let t = context.t
        let field = "answers.\(question.id)"
        let low = survey.scale0to10Labels["low"]?[language] ?? ""
        let high = survey.scale0to10Labels["high"]?[language] ?? ""
        return .fieldset(fieldsetAttributes(field: field, describedBy: ["nps-scale"])) {
            HTMLNode.legend {
                question.text[language]
                HTMLNode.span(.class("required")) { " " + t("form.required") }
            }
            HTMLNode.p(.id("nps-scale"), .class("visually-hidden")) { t("form.nps.scale", ["low": low, "high": high]) }
            fieldError(field)
            HTMLNode.div(.class("scale scale-11")) {
                for score in 0...10 {
                    radio(name: "nps", id: "nps-\(score)", value: String(score), label: String(score), field: field)
                }
            }
            HTMLNode.div(.class("scale-ends"), .ariaHidden("true")) {
                HTMLNode.span { "0 = " + low }
                HTMLNode.span { "10 = " + high }
            }
        }
    }

    /// A statement as one compact row of 1–5 with its ends named below, and "cannot say" apart:
    /// a screen reader hears each step's words ("2 Jokseenkin eri mieltä"), the eye sees the number.
    private func statement(_ question: Question) -> HTMLNode {
        let field = "answers.\(question.id)"
        let name = FormFields.statementName(question.id)
        let words = { (value: String) in survey.scale1to5Labels[value]?[language] ?? "" }
        return .fieldset(fieldsetAttributes(field: field)) {
            HTMLNode.legend { question.text[language] }
            fieldError(field)
            HTMLNode.div(.class("scale scale-5")) {
                for value in 1...5 {
                    radio(name: name, id: "\(name)-\(value)", value: String(value), field: field) {
                        String(value)
                        HTMLNode.span(.class("visually-hidden")) { " " + words(String(value)) }
                    }
                }
            }
            HTMLNode.div(.class("scale-ends"), .ariaHidden("true")) {
                HTMLNode.span { "1 = " + words("1") }
                HTMLNode.span { "5 = " + words("5") }
            }
            radio(name: name, id: "\(name)-x", value: FormFields.cannotSay, label: words("cannotSay"), field: field)
        }
    }

    private func choice(_ question: Question) -> HTMLNode {
        let field = FormModel.field(ofChoice: question)
        return .fieldset(fieldsetAttributes(field: field)) {
            HTMLNode.legend { question.text[language] }
            fieldError(field)
            for option in question.options ?? [] {
                let name = FormFields.choiceName(question)
                radio(name: name, id: "\(name)-\(option.value)", value: option.value, label: option.text[language], field: field)
            }
        }
    }

    /// One of the organisation's own open questions.
    private func ownText(_ question: Question) -> HTMLNode {
        let field = "answers.\(question.id)"
        let name = FormFields.ownName(question)
        var attributes: [HTMLAttribute] = [.id(name), .name(name), .rows(4), .maxlength(SubmissionValidator.maxOwnTextLength)]
        if model.hasError(field) {
            attributes.append(.ariaInvalid("true"))
            attributes.append(.ariaDescribedBy(FormModel.errorID(for: field)))
        }
        return .div(.class("question")) {
            HTMLNode.label(.for(name), .class("label")) { question.text[language] }
            fieldError(field)
            HTMLNode.textarea(attributes) { model.values[name] ?? "" }
        }
    }

    private func openText() -> HTMLNode {
        let t = context.t
        var attributes: [HTMLAttribute] = [.id("openText"), .name("openText"), .rows(6),
                                           .maxlength(SubmissionValidator.maxOpenTextLength),
                                           .ariaDescribedBy(model.describedBy("openText", hints: ["openText-hint"]).joined(separator: " "))]
        if model.hasError("openText") { attributes.append(.ariaInvalid("true")) }
        return .div(.class("question")) {
            HTMLNode.label(.for("openText"), .class("label")) { t("form.openText.label") }
            HTMLNode.p(.id("openText-hint"), .class("hint")) { t("form.openText.hint", ["max": String(SubmissionValidator.maxOpenTextLength)]) }
            fieldError("openText")
            HTMLNode.textarea(attributes) { model.values["openText"] ?? "" }
        }
    }

    private func contact() -> HTMLNode {
        let t = context.t
        return .fieldset(fieldsetAttributes(field: "contact", describedBy: ["contact-hint"]) + [.id("contact")]) {
            HTMLNode.legend { t("form.contact.legend") }
            HTMLNode.p(.id("contact-hint"), .class("hint")) { t("form.contact.hint") }
            fieldError("contact")
            HTMLNode.div(.class("option")) {
                HTMLNode.input([.type("checkbox"), .id("wantsAnswer"), .name("wantsAnswer"), .value("yes")] + (model.isChosen("wantsAnswer", "yes") ? [.checked] : []))
                HTMLNode.label(.for("wantsAnswer")) { t("form.contact.wantsAnswer") }
            }
            // Shown only while the box is ticked (CSS :has, no script): nobody is asked for contact details they do not need.
            HTMLNode.div(.class("contact-fields"), .id("contact-fields")) {
                textInput(id: "contactName", field: "contact.name", type: "text", autocomplete: "name", label: t("form.contact.name"))
                textInput(id: "contactEmail", field: "contact.email", type: "email", autocomplete: "email", label: t("form.contact.email"))
                textInput(id: "contactPhone", field: "contact.phone", type: "tel", autocomplete: "tel", label: t("form.contact.phone"))
            }
        }
    }

    private func textInput(id: String, field: String, type: String, autocomplete: String, label: String) -> HTMLNode {
        var attributes: [HTMLAttribute] = [.type(type), .id(id), .name(id), .autocomplete(autocomplete), .value(model.values[id] ?? "")]
        if model.hasError(field) {
            attributes.append(.ariaInvalid("true"))
            attributes.append(.ariaDescribedBy(FormModel.errorID(for: field)))
        }
        return .div(.class("text-field")) {
            HTMLNode.label(.for(id), .class("label")) { label }
            fieldError(field)
            HTMLNode.input(attributes)
        }
    }
}
