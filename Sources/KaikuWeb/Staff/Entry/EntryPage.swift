import Foundation
import KaikuCore
import KaikuStore

/// The page on which staff type in paper forms and oral feedback, one after
/// another from the keyboard: where, how and when stay filled in between
/// entries, focus returns to the recommendation after each save, and the
/// receipt of the last saved entry is announced.
struct EntryPage {
    struct Target {
        var code: String
        var name: String
    }

    var language: Language
    var catalogue: Catalogue
    var session: SessionToken
    var targets: [Target]
    var survey: SurveyDefinition
    var values: [String: String]
    var formToken: String
    /// The receipt of the entry just saved.
    var saved: String?
    /// The field at fault and what to tell about it.
    var error: (field: String, message: String)?

    private func t(_ key: String, _ arguments: [String: String] = [:]) -> String { catalogue.text(key, language, arguments) }

    func render() -> String {
        let layout = StaffLayout(language: language, catalogue: catalogue, title: t("staff.entry.title"), path: "/staff/entry", session: session)
        return layout.render {
            HTMLNode.h1 { t("staff.entry.title") }
            HTMLNode.p(.class("lead")) { t("staff.entry.intro") }
            if let saved {
                HTMLNode.p(.class("notice"), .role("status")) { t("staff.entry.saved", ["receipt": saved]) }
            }
            if let error {
                HTMLNode.errorSummary(title: t("form.error.title"), fieldID: Self.inputID(error.field), message: error.message)
            }
            HTMLNode.form(.method(.post), .action("/staff/entry"), .novalidate) {
                StaffForm.csrf(session)
                HTMLNode.input(.type("hidden"), .name("formToken"), .value(formToken))
                HTMLNode.fieldset {
                    HTMLNode.legend { t("staff.entry.where") }
                    StaffForm.select("target", label: t("staff.entry.target"),
                                     options: targets.map { ($0.code, "\($0.name) (\($0.code))") }, selected: values["target"])
                    channels()
                    StaffForm.select("language", label: t("staff.entry.language"),
                                     options: Language.allCases.map { ($0.rawValue, t("dashboard.language.\($0.rawValue)")) }, selected: values["language"])
                    input("date", type: "date", label: t("staff.entry.date"))
                    input("time", type: "time", label: t("staff.entry.time"), hint: t("staff.entry.time.hint"))
                }
                HTMLNode.fieldset {
                    HTMLNode.legend { t("staff.entry.answers") }
                    HTMLNode.p(.id("answers-hint"), .class("hint")) { t("staff.entry.answers.hint") }
                    if let nps = survey.questions.first(where: { $0.type == .scale0to10 }) {
                        input("nps", type: "text", label: nps.text[language], extra: [.inputmode("numeric"), .maxlength(2),
                              .size(3), .pattern("(10|[0-9])")] + (saved != nil ? [.autofocus] : []))
                    }
                    for statement in survey.statements {
                        input(FormFields.statementName(statement.id), type: "text", label: statement.text[language],
                              extra: [.inputmode("numeric"), .maxlength(1), .size(2), .pattern("[1-5xX]"),
                                      .ariaDescribedBy("answers-hint")])
                    }
                    for question in survey.questions where question.type == .choice {
                        StaffForm.select(question.id, label: question.text[language],
                                         options: [("", "–")] + (question.options ?? []).map { ($0.value, $0.text[language]) },
                                         selected: values[question.id], id: Self.inputID(question.id == "respondent" ? "respondent" : "answers.\(question.id)"))
                    }
                    HTMLNode.div(.class("field")) {
                        HTMLNode.label(.for("f-openText")) { t("staff.entry.openText") }
                        HTMLNode.textarea(.id("f-openText"), .name("openText"), .rows(5),
                                    .maxlength(SubmissionValidator.maxOpenTextLength)) { values["openText"] ?? "" }
                    }
                }
                HTMLNode.button(.type("submit"), .class("button")) { t("staff.entry.submit") }
            }
        }
    }

    private func channels() -> HTMLNode {
        .fieldset(.class("inline-options")) {
            HTMLNode.legend { t("staff.entry.channel") }
            for channel in EntryForm.channels {
                HTMLNode.div(.class("option")) {
                    HTMLNode.input([.type("radio"), .id("f-channel-\(channel.rawValue)"), .name("channel"), .value(channel.rawValue)]
                                + (values["channel"] == channel.rawValue ? [.checked] : []))
                    HTMLNode.label(.for("f-channel-\(channel.rawValue)")) { t("staff.entry.channel.\(channel.rawValue)") }
                }
            }
        }
    }

    private func input(_ name: String, type: String, label: String, hint: String? = nil, extra: [HTMLAttribute] = []) -> HTMLNode {
        StaffForm.input(name, type: type, label: label, value: values[name] ?? "", hint: hint,
                        invalid: error.map { Self.inputID($0.field) == "f-\(name)" } ?? false, extra: extra)
    }

    /// The input a field's error links to: `answers.nps` is `f-nps`, `answers.felt_safe` is `f-q_felt_safe`.
    static func inputID(_ field: String) -> String {
        switch field {
        case "answers", "answers.nps": return "f-nps"
        case "answeredAt": return "f-date"
        case "respondent": return "f-respondent"
        case _ where field.hasPrefix("answers."):
            let id = String(field.dropFirst("answers.".count))
            return ["ageGroup", "serviceMode"].contains(id) ? "f-\(id)" : "f-" + FormFields.statementName(id)
        default: return "f-\(field)"
        }
    }
}
