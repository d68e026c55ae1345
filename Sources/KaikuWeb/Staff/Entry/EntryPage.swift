import Foundation
import KaikuCore
import KaikuStore

/// The page on which staff type in paper forms and oral feedback, one after
/// another from the keyboard: where, how and when stay filled in between
/// entries, focus returns to the recommendation after each save, and the
/// receipt of the last saved entry is announced.
struct EntryPage {
    var context: PageContext
    var model: EntryModel

    func render() -> String {
        let t = context.t
        let values = model.values
        return StaffLayout(context.at(.staff(.entry)), title: t("staff.entry.title")).render {
            HTMLNode.h1 { t("staff.entry.title") }
            HTMLNode.p(.class("lead")) { t("staff.entry.intro") }
            if let saved = model.saved {
                HTMLNode.p(.class("notice"), .role("status")) { t("staff.entry.saved", ["receipt": saved]) }
            }
            if let error = model.error {
                HTMLNode.errorSummary(title: t("form.error.title"), fieldID: EntryModel.inputID(error.field, own: model.ownInputs), message: error.message)
            }
            HTMLNode.form(.method(.post), .action(.staff(.entry)), .novalidate) {
                context.csrfField
                HTMLNode.input(.type("hidden"), .name("formToken"), .value(model.formToken))
                HTMLNode.fieldset {
                    HTMLNode.legend { t("staff.entry.where") }
                    StaffForm.select("target", label: t("staff.entry.target"),
                                     options: model.targets.map { ($0.code, "\($0.name) (\($0.code))") }, selected: values["target"])
                    channels()
                    StaffForm.select("language", label: t("staff.entry.language"),
                                     options: Language.allCases.map { ($0.rawValue, t("dashboard.language.\($0.rawValue)")) }, selected: values["language"])
                    input("date", type: "date", label: t("staff.entry.date"))
                    input("time", type: "time", label: t("staff.entry.time"), hint: t("staff.entry.time.hint"))
                }
                HTMLNode.fieldset {
                    HTMLNode.legend { t("staff.entry.answers") }
                    HTMLNode.p(.id("answers-hint"), .class("hint")) { t("staff.entry.answers.hint") }
                    if let nps = model.nps {
                        input(nps.name, type: "text", label: nps.label, extra: [.inputmode("numeric"), .maxlength(2),
                              .size(3), .pattern("(10|[0-9])")] + (model.saved != nil ? [.autofocus] : []))
                    }
                    for statement in model.statements {
                        input(statement.name, type: "text", label: statement.label,
                              extra: [.inputmode("numeric"), .maxlength(1), .size(2), .pattern("[1-5xX]"),
                                      .ariaDescribedBy("answers-hint")])
                    }
                    for choice in model.choices {
                        StaffForm.select(choice.name, label: choice.label, options: choice.options.map { ($0.value, $0.label) },
                                         selected: values[choice.name], id: choice.inputID)
                    }
                    for text in model.texts {
                        HTMLNode.div(.class("field")) {
                            HTMLNode.label(.for("f-\(text.name)")) { text.label }
                            HTMLNode.textarea([.id("f-\(text.name)"), .name(text.name), .rows(3), .maxlength(SubmissionValidator.maxOwnTextLength)]
                                              + (model.isInvalid(text.name) ? [.ariaInvalid("true")] : [])) { values[text.name] ?? "" }
                        }
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
        let t = context.t
        return .fieldset(.class("inline-options")) {
            HTMLNode.legend { t("staff.entry.channel") }
            for channel in EntryForm.channels {
                HTMLNode.div(.class("option")) {
                    HTMLNode.input([.type("radio"), .id("f-channel-\(channel.rawValue)"), .name("channel"), .value(channel.rawValue)]
                                + (model.values["channel"] == channel.rawValue ? [.checked] : []))
                    HTMLNode.label(.for("f-channel-\(channel.rawValue)")) { t("staff.entry.channel.\(channel.rawValue)") }
                }
            }
        }
    }

    private func input(_ name: String, type: String, label: String, hint: String? = nil, extra: [HTMLAttribute] = []) -> HTMLNode {
        StaffForm.input(name, type: type, label: label, value: model.values[name] ?? "", hint: hint, invalid: model.isInvalid(name), extra: extra)
    }
}
