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
            HTMLNode.el("h1") { t("staff.entry.title") }
            HTMLNode.el("p", .class("lead")) { t("staff.entry.intro") }
            if let saved {
                HTMLNode.el("p", .class("notice"), .attr("role", "status")) { t("staff.entry.saved", ["receipt": saved]) }
            }
            if let error {
                HTMLNode.errorSummary(title: t("form.error.title"), fieldID: Self.inputID(error.field), message: error.message)
            }
            HTMLNode.el("form", .attr("method", "post"), .attr("action", "/staff/entry"), .attr("novalidate", nil)) {
                StaffForm.csrf(session)
                HTMLNode.el("input", .type("hidden"), .name("formToken"), .value(formToken))
                HTMLNode.el("fieldset") {
                    HTMLNode.el("legend") { t("staff.entry.where") }
                    StaffForm.select("target", label: t("staff.entry.target"),
                                     options: targets.map { ($0.code, "\($0.name) (\($0.code))") }, selected: values["target"])
                    channels()
                    StaffForm.select("language", label: t("staff.entry.language"),
                                     options: Language.allCases.map { ($0.rawValue, t("dashboard.language.\($0.rawValue)")) }, selected: values["language"])
                    input("date", type: "date", label: t("staff.entry.date"))
                    input("time", type: "time", label: t("staff.entry.time"), hint: t("staff.entry.time.hint"))
                }
                HTMLNode.el("fieldset") {
                    HTMLNode.el("legend") { t("staff.entry.answers") }
                    HTMLNode.el("p", .id("answers-hint"), .class("hint")) { t("staff.entry.answers.hint") }
                    if let nps = survey.questions.first(where: { $0.type == .scale0to10 }) {
                        input("nps", type: "text", label: nps.text[language], extra: [.attr("inputmode", "numeric"), .attr("maxlength", "2"),
                              .attr("size", "3"), .attr("pattern", "(10|[0-9])")] + (saved != nil ? [.flag("autofocus")] : []))
                    }
                    for statement in survey.statements {
                        input(FormFields.statementName(statement.id), type: "text", label: statement.text[language],
                              extra: [.attr("inputmode", "numeric"), .attr("maxlength", "1"), .attr("size", "2"), .attr("pattern", "[1-5xX]"),
                                      .attr("aria-describedby", "answers-hint")])
                    }
                    for question in survey.questions where question.type == .choice {
                        StaffForm.select(question.id, label: question.text[language],
                                         options: [("", "–")] + (question.options ?? []).map { ($0.value, $0.text[language]) },
                                         selected: values[question.id], id: Self.inputID(question.id == "respondent" ? "respondent" : "answers.\(question.id)"))
                    }
                    HTMLNode.el("div", .class("field")) {
                        HTMLNode.el("label", .for("f-openText")) { t("staff.entry.openText") }
                        HTMLNode.el("textarea", .id("f-openText"), .name("openText"), .attr("rows", "5"),
                                    .attr("maxlength", String(SubmissionValidator.maxOpenTextLength))) { values["openText"] ?? "" }
                    }
                }
                HTMLNode.el("button", .type("submit"), .class("button")) { t("staff.entry.submit") }
            }
        }
    }

    private func channels() -> HTMLNode {
        .el("fieldset", .class("inline-options")) {
            HTMLNode.el("legend") { t("staff.entry.channel") }
            for channel in EntryForm.channels {
                HTMLNode.el("div", .class("option")) {
                    HTMLNode.el("input", [.type("radio"), .id("f-channel-\(channel.rawValue)"), .name("channel"), .value(channel.rawValue)]
                                + (values["channel"] == channel.rawValue ? [.flag("checked")] : []))
                    HTMLNode.el("label", .for("f-channel-\(channel.rawValue)")) { t("staff.entry.channel.\(channel.rawValue)") }
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
