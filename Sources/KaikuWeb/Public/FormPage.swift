import Foundation
import KaikuCore
import KaikuStore

/// The feedback form of one target: the survey in the customer's language,
/// with what they already typed and the first problem found, if any.
struct FormPage {
    var context: TargetContext
    var language: Language
    var catalogue: Catalogue
    var values: [String: String] = [:]
    var error: SubmissionError?
    /// Makes a resubmitted form idempotent: a double click stores one answer.
    var formToken: String
    /// `remote` on the link a unit gives for remote appointments (`/f/{code}/remote`), `web` otherwise.
    var channel: KaikuCore.Channel = .web

    /// Where the form is and posts to: each channel has a path of its own.
    static func path(code: String, channel: KaikuCore.Channel) -> String {
        channel == .remote ? "/f/\(code)/remote" : "/f/\(code)"
    }

    private func t(_ key: String, _ arguments: [String: String] = [:]) -> String { catalogue.text(key, language, arguments) }

    func render() -> String {
        let layout = PageLayout(language: language, title: context.targetName[language], catalogue: catalogue,
                                path: Self.path(code: context.targetCode, channel: channel))
        return layout.render {
            HTMLNode.p(.class("organisation")) { context.organisationName[language] }
            HTMLNode.h1 { context.targetName[language] }
            HTMLNode.p(.class("lead")) { t("form.intro") }
            if let error { errorSummary(error) }
            HTMLNode.form(.method(.post), .action(Self.path(code: context.targetCode, channel: channel)), .novalidate) {
                HTMLNode.input(.type("hidden"), .name("lang"), .value(language.rawValue))
                HTMLNode.input(.type("hidden"), .name("formToken"), .value(formToken))
                for question in context.survey.questions where question.type == .scale0to10 { recommendation(question) }
                HTMLNode.h2 { t("form.statements.heading") }
                HTMLNode.p(.class("hint")) { t("form.statements.hint") }
                for question in context.survey.statements { statement(question) }
                openText()
                HTMLNode.h2 { t("form.background.heading") }
                for question in context.survey.questions where question.type == .choice { choice(question) }
                contact()
                HTMLNode.button(.type("submit"), .class("button")) { t("form.submit") }
            }
            // After the form, so that it never comes between a customer and the submit button.
            HTMLNode.p(.class("figures-link")) {
                HTMLNode.a(.href("/figures/targets/\(context.targetCode)?lang=\(language.rawValue)")) { t("figures.link") }
            }
        }
    }

    private func errorSummary(_ error: SubmissionError) -> HTMLNode {
        .errorSummary(title: t("form.error.title"), fieldID: FormFields.inputID(for: error.field, survey: context.survey),
                      message: catalogue.message(for: error, in: language))
    }

    private func errorID(for field: String) -> String { "error-" + field.replacingOccurrences(of: ".", with: "-") }

    private func fieldError(_ field: String) -> HTMLNode? {
        guard let error, error.field == field else { return nil }
        return .p(.id(errorID(for: field)), .class("field-error")) {
            HTMLNode.span(.class("visually-hidden")) { t("form.error.prefix") }
            catalogue.message(for: error, in: language)
        }
    }

    private func fieldsetAttributes(field: String, describedBy: [String] = []) -> [HTMLAttribute] {
        var ids = describedBy
        if error?.field == field { ids.append(errorID(for: field)) }
        var attributes: [HTMLAttribute] = [.class(error?.field == field ? "question has-error" : "question")]
        if !ids.isEmpty { attributes.append(.ariaDescribedBy(ids.joined(separator: " "))) }
        return attributes
    }

    private func radio(name: String, id: String, value: String, label: String, field: String) -> HTMLNode {
        var attributes: [HTMLAttribute] = [.type("radio"), .id(id), .name(name), .value(value)]
        if values[name] == value { attributes.append(.checked) }
        if error?.field == field { attributes.append(.ariaInvalid("true")) }
        return .div(.class("option")) {
            HTMLNode.input(attributes)
            HTMLNode.label(.for(id)) { label }
        }
    }

    private func recommendation(_ question: Question) -> HTMLNode {
        let field = "answers.\(question.id)"
        let low = context.survey.scale0to10Labels["low"]?[language] ?? ""
        let high = context.survey.scale0to10Labels["high"]?[language] ?? ""
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

    private func statement(_ question: Question) -> HTMLNode {
        let field = "answers.\(question.id)"
        let name = FormFields.statementName(question.id)
        return .fieldset(fieldsetAttributes(field: field)) {
            HTMLNode.legend { question.text[language] }
            fieldError(field)
            HTMLNode.div(.class("scale scale-6")) {
                for value in 1...5 {
                    radio(name: name, id: "\(name)-\(value)", value: String(value),
                          label: "\(value) " + (context.survey.scale1to5Labels[String(value)]?[language] ?? ""), field: field)
                }
                radio(name: name, id: "\(name)-x", value: FormFields.cannotSay,
                      label: context.survey.scale1to5Labels["cannotSay"]?[language] ?? "", field: field)
            }
        }
    }

    private func choice(_ question: Question) -> HTMLNode {
        let field = question.id == "respondent" ? "respondent" : "answers.\(question.id)"
        return .fieldset(fieldsetAttributes(field: field)) {
            HTMLNode.legend { question.text[language] }
            fieldError(field)
            for option in question.options ?? [] {
                radio(name: question.id, id: "\(question.id)-\(option.value)", value: option.value, label: option.text[language], field: field)
            }
        }
    }

    private func openText() -> HTMLNode {
        var attributes: [HTMLAttribute] = [.id("openText"), .name("openText"), .rows(6),
                                           .maxlength(SubmissionValidator.maxOpenTextLength),
                                           .ariaDescribedBy("openText-hint" + (error?.field == "openText" ? " " + errorID(for: "openText") : ""))]
        if error?.field == "openText" { attributes.append(.ariaInvalid("true")) }
        return .div(.class("question")) {
            HTMLNode.label(.for("openText"), .class("label")) { t("form.openText.label") }
            HTMLNode.p(.id("openText-hint"), .class("hint")) { t("form.openText.hint", ["max": String(SubmissionValidator.maxOpenTextLength)]) }
            fieldError("openText")
            HTMLNode.textarea(attributes) { values["openText"] ?? "" }
        }
    }

    private func contact() -> HTMLNode {
        .fieldset(fieldsetAttributes(field: "contact", describedBy: ["contact-hint"])) {
            HTMLNode.legend { t("form.contact.legend") }
            HTMLNode.p(.id("contact-hint"), .class("hint")) { t("form.contact.hint") }
            fieldError("contact")
            HTMLNode.div(.class("option")) {
                HTMLNode.input([.type("checkbox"), .id("wantsAnswer"), .name("wantsAnswer"), .value("yes")] + (values["wantsAnswer"] == "yes" ? [.checked] : []))
                HTMLNode.label(.for("wantsAnswer")) { t("form.contact.wantsAnswer") }
            }
            textInput(id: "contactName", field: "contact.name", type: "text", autocomplete: "name", label: t("form.contact.name"))
            textInput(id: "contactEmail", field: "contact.email", type: "email", autocomplete: "email", label: t("form.contact.email"))
            textInput(id: "contactPhone", field: "contact.phone", type: "tel", autocomplete: "tel", label: t("form.contact.phone"))
        }
    }

    private func textInput(id: String, field: String, type: String, autocomplete: String, label: String) -> HTMLNode {
        var attributes: [HTMLAttribute] = [.type(type), .id(id), .name(id), .autocomplete(autocomplete), .value(values[id] ?? "")]
        if error?.field == field {
            attributes.append(.ariaInvalid("true"))
            attributes.append(.ariaDescribedBy(errorID(for: field)))
        }
        return .div(.class("text-field")) {
            HTMLNode.label(.for(id), .class("label")) { label }
            fieldError(field)
            HTMLNode.input(attributes)
        }
    }
}
