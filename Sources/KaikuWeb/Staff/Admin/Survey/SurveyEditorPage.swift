import Foundation
import KaikuCore

/// The survey editor: the national core read only, the draft of the
/// organisation's own questions as a form whose buttons add, move and
/// remove questions and options, the preview in each offered language, and
/// the versions published so far.
struct SurveyEditorPage {
    var context: PageContext
    var model: SurveyEditorModel

    func render() -> String {
        let t = context.t
        return StaffLayout(context.at(.staff(.adminSurvey)), title: t("staff.survey.title")).render {
            HTMLNode.h1 { t("staff.survey.title") }
            HTMLNode.p(.class("lead")) { t("staff.survey.intro") }
            if let published = model.published {
                HTMLNode.p(.id("notice"), .class("notice"), .role("status")) { t("staff.survey.published", ["version": String(published)]) }
            }
            if let error = model.error {
                HTMLNode.errorSummary(title: t("form.error.title"), fieldID: error.inputID, message: error.message)
            }
            HTMLNode.p(.id("in-force")) { t("staff.survey.inForce", ["version": String(model.version)]) }
            core()
            editor()
            if !model.previews.isEmpty { previews() }
            versions()
        }
    }

    private func kind(_ kind: Question.Kind) -> String {
        let t = context.t
        switch kind {
        case .scale0to10: return t("staff.survey.kind.scale0to10")
        case .scale1to5: return t("staff.survey.kind.scale1to5")
        case .choice: return t("staff.survey.kind.choice")
        case .text: return t("staff.survey.kind.text")
        }
    }

    private func textLabel(_ language: Language) -> String {
        let t = context.t
        switch language {
        case .fi: return t("staff.survey.text.fi")
        case .sv: return t("staff.survey.text.sv")
        case .en: return t("staff.survey.text.en")
        }
    }

    private func optionLabel(_ language: Language, number: Int) -> String {
        let t = context.t
        let values = ["number": String(number)]
        switch language {
        case .fi: return t("staff.survey.option.text.fi", values)
        case .sv: return t("staff.survey.option.text.sv", values)
        case .en: return t("staff.survey.option.text.en", values)
        }
    }

    private func core() -> HTMLNode {
        .section(.ariaLabelledBy("core-heading")) {
            HTMLNode.h2(.id("core-heading")) { context.t("staff.survey.core.heading") }
            HTMLNode.ol(.id("core-questions")) {
                for question in model.core {
                    HTMLNode.li(.data("question", question.id)) { question.text + " (" + kind(question.kind) + ")" }
                }
            }
        }
    }

    private func editor() -> HTMLNode {
        let t = context.t
        return .form(.method(.post), .action(.staff(.adminSurvey)), .id("survey-editor"), .novalidate) {
            context.csrfField
            // Enter in a text field presses the form's first button: let that be a harmless preview.
            HTMLNode.button(.type("submit"), .name("action"), .value("preview"), .class("visually-hidden"), .tabindex(-1), .ariaHidden("true")) {
                t("staff.survey.preview")
            }
            HTMLNode.h2(.id("own-heading")) { t("staff.survey.own.heading") }
            HTMLNode.p(.class("hint")) { t("staff.survey.draftHint") }
            if model.drafts.isEmpty { HTMLNode.p(.id("no-own")) { t("staff.survey.own.none") } }
            for index in model.drafts.indices { question(index) }
            HTMLNode.fieldset(.class("survey-add")) {
                HTMLNode.legend { t("staff.survey.add.heading") }
                HTMLNode.div(.class("button-row")) {
                    for kind in [Question.Kind.scale1to5, .choice, .text] {
                        let action = SurveyEditorForm.Action.add(kind).rawValue
                        HTMLNode.button([.type("submit"), .name("action"), .value(action), .id(action), .class("button secondary")]
                                        + (model.canAddQuestion ? [] : [.attr("disabled", nil)])) { addLabel(kind) }
                    }
                }
            }
            HTMLNode.div(.class("button-row")) {
                HTMLNode.button(.type("submit"), .name("action"), .value("preview"), .id("preview"), .class("button secondary")) { t("staff.survey.preview") }
                HTMLNode.button(.type("submit"), .name("action"), .value("publish"), .id("publish"), .class("button")) { t("staff.survey.publish") }
            }
        }
    }

    private func addLabel(_ kind: Question.Kind) -> String {
        let t = context.t
        switch kind {
        case .choice: return t("staff.survey.add.choice")
        case .text: return t("staff.survey.add.text")
        case .scale1to5, .scale0to10: return t("staff.survey.add.scale1to5")
        }
    }

    private func question(_ index: Int) -> HTMLNode {
        let t = context.t
        let draft = model.drafts[index]
        let number = ["number": String(index + 1)]
        let type = Question.Kind(rawValue: draft.type ?? "") ?? .scale1to5
        return .fieldset(.class("own-question"), .id("question-\(index)")) {
            HTMLNode.legend { t("staff.survey.question.legend", ["number": String(index + 1), "kind": kind(type)]) }
            HTMLNode.input(.type("hidden"), .name(SurveyEditorForm.questionField(index, "type")), .value(type.rawValue))
            textField(SurveyEditorForm.questionField(index, "id"), label: t("staff.survey.id"), value: draft.id ?? "",
                      hint: t("staff.survey.id.hint"), extra: [.maxlength(OwnQuestionRules.idLength.upperBound), .autocomplete("off")])
            texts(draft.text, name: { SurveyEditorForm.questionField(index, $0.rawValue) }, label: textLabel, max: OwnQuestionRules.maxQuestionText)
            if type == .choice { options(index) }
            HTMLNode.div(.class("button-row")) {
                if model.canMoveUp(index) { editButton(.up(index), t("staff.survey.up"), label: t("staff.survey.up.label", number)) }
                if model.canMoveDown(index) { editButton(.down(index), t("staff.survey.down"), label: t("staff.survey.down.label", number)) }
                editButton(.remove(index), t("staff.survey.remove"), label: t("staff.survey.remove.label", number))
            }
        }
    }

    private func options(_ index: Int) -> HTMLNode {
        let t = context.t
        let options = model.drafts[index].options ?? []
        return .fieldset(.class("options")) {
            HTMLNode.legend { t("staff.survey.options") }
            for (option, draft) in options.enumerated() {
                let number = ["number": String(option + 1)]
                HTMLNode.div(.class("option-draft")) {
                    textField(SurveyEditorForm.optionField(index, option, "id"), label: t("staff.survey.option.id", number), value: draft.id ?? "",
                              extra: [.maxlength(OwnQuestionRules.idLength.upperBound), .autocomplete("off")])
                    texts(draft.text, name: { SurveyEditorForm.optionField(index, option, $0.rawValue) },
                          label: { optionLabel($0, number: option + 1) }, max: OwnQuestionRules.maxOptionText)
                    if model.canRemoveOption(index) {
                        editButton(.removeOption(index, option), t("staff.survey.option.remove", number),
                                   label: t("staff.survey.option.remove.label", ["number": String(option + 1), "question": String(index + 1)]))
                    }
                }
            }
            if model.canAddOption(index) {
                editButton(.addOption(index), t("staff.survey.option.add"), label: t("staff.survey.option.add.label", ["number": String(index + 1)]))
            }
        }
    }

    /// The texts of the offered languages as inputs; a text of a language no longer offered rides along unseen.
    private func texts(_ texts: OwnQuestionDraft.Texts?, name: (Language) -> String, label: (Language) -> String, max: Int) -> HTMLNode {
        .div(.class("texts")) {
            for language in Language.allCases {
                if model.languages.contains(language) {
                    textField(name(language), label: label(language), value: texts?[language] ?? "", extra: [.maxlength(max), .attr("lang", language.rawValue)])
                } else if let value = texts?[language], !value.isEmpty {
                    HTMLNode.input(.type("hidden"), .name(name(language)), .value(value))
                }
            }
        }
    }

    private func editButton(_ action: SurveyEditorForm.Action, _ text: String, label: String) -> HTMLNode {
        .button(.type("submit"), .name("action"), .value(action.rawValue), .class("button secondary small"), .ariaLabel(label)) { text }
    }

    private func textField(_ name: String, label: String, value: String, hint: String? = nil, extra: [HTMLAttribute] = []) -> HTMLNode {
        let invalid = model.isInvalid(name)
        var described: [String] = []
        if hint != nil { described.append("\(name)-hint") }
        if invalid { described.append("\(name)-error") }
        var attributes: [HTMLAttribute] = [.type("text"), .id(name), .name(name), .value(value)] + extra
        if !described.isEmpty { attributes.append(.ariaDescribedBy(described.joined(separator: " "))) }
        if invalid { attributes.append(.ariaInvalid("true")) }
        return .div(.class("field")) {
            HTMLNode.label(.for(name)) { label }
            if let hint { HTMLNode.p(.id("\(name)-hint"), .class("hint")) { hint } }
            if invalid, let error = model.error { HTMLNode.p(.id("\(name)-error"), .class("field-error")) { error.message } }
            HTMLNode.input(attributes)
        }
    }

    private func previews() -> HTMLNode {
        let t = context.t
        return .section(.id("preview-section"), .ariaLabelledBy("preview-heading")) {
            HTMLNode.h2(.id("preview-heading"), .tabindex(-1)) { t("staff.survey.preview.heading") }
            for preview in model.previews {
                HTMLNode.section(.class("survey-preview"), .ariaLabelledBy("preview-\(preview.language.rawValue)")) {
                    HTMLNode.h3(.id("preview-\(preview.language.rawValue)")) { previewHeading(preview.language) }
                    HTMLNode.ol(.attr("lang", preview.language.rawValue)) {
                        for question in preview.survey.questions where question.type != .choice || question.isOwn {
                            previewItem(question, in: preview)
                        }
                        HTMLNode.li { context.catalogue.text("form.openText.label", preview.language) + " — " + context.catalogue.text("staff.survey.preview.open", preview.language) }
                        for question in preview.survey.questions where question.type == .choice && !question.isOwn {
                            previewItem(question, in: preview)
                        }
                    }
                }
            }
        }
    }

    private func previewHeading(_ language: Language) -> String {
        let t = context.t
        switch language {
        case .fi: return t("staff.survey.preview.fi")
        case .sv: return t("staff.survey.preview.sv")
        case .en: return t("staff.survey.preview.en")
        }
    }

    private func previewItem(_ question: Question, in preview: SurveyEditorModel.Preview) -> HTMLNode {
        let language = preview.language
        let catalogue = context.catalogue
        return .li(.data("question", question.id)) {
            question.text[language]
            switch question.type {
            case .scale0to10: " — 0–10"
            case .scale1to5: " — " + catalogue.text("staff.survey.preview.scale", language)
            case .text: " — " + catalogue.text("staff.survey.preview.open", language)
            case .choice:
                HTMLNode.ul {
                    for option in question.options ?? [] { HTMLNode.li { option.text[language] } }
                }
            }
        }
    }

    private func versions() -> HTMLNode {
        let t = context.t
        return .section(.ariaLabelledBy("versions-heading")) {
            HTMLNode.h2(.id("versions-heading")) { t("staff.survey.versions.heading") }
            if model.versions.isEmpty {
                HTMLNode.p { t("staff.survey.versions.none") }
            } else {
                HTMLNode.table(.id("survey-versions"), .class("cases")) {
                    HTMLNode.caption { t("staff.survey.versions.caption") }
                    HTMLNode.thead {
                        HTMLNode.tr {
                            HTMLNode.th(.scope("col")) { t("staff.survey.col.version") }
                            HTMLNode.th(.scope("col")) { t("staff.survey.col.when") }
                            HTMLNode.th(.scope("col")) { t("staff.survey.col.who") }
                        }
                    }
                    HTMLNode.tbody {
                        for version in model.versions {
                            HTMLNode.tr {
                                HTMLNode.th(.scope("row")) { String(version.version) }
                                HTMLNode.td { version.when }
                                HTMLNode.td { version.who }
                            }
                        }
                    }
                }
            }
        }
    }
}
