import Foundation
import KaikuCore

/// The case page's forms that reach the customer: the answer, and the
/// calls and interim replies before it.
extension CasePage {
    /// A template fills the box (the page comes back with it, no script
    /// needed); the handler edits it and previews before anything is sent.
    func answerForm(_ t: Texts) -> HTMLNode {
        let draft = model.draft
        let channels = CaseModel.answerChannels(detail.contact)
        return form(.answer, id: "answer-form") {
            if !model.templates.isEmpty {
                HTMLNode.div(.class("template-pick")) {
                    StaffForm.select("template", label: t("staff.case.template"),
                                     options: [("", t("staff.case.noTemplate"))] + model.templates.map { template in
                                         (template.id.uuidString, "\(template.name) (\(template.language))")
                                     }, selected: draft?.template?.uuidString)
                    HTMLNode.button(.type("submit"), .name("step"), .value("template"), .class("button secondary"), .attr("formnovalidate", nil)) {
                        t("staff.case.useTemplate")
                    }
                }
            }
            StaffForm.select("channel", label: t("staff.case.channel"),
                             options: channels.map { ($0, $0 == "email" ? t("staff.case.channel.email") : t("staff.case.channel.sms")) }, selected: draft?.channel)
            HTMLNode.div(.class("field")) {
                HTMLNode.label(.for("answer-subject")) { t("staff.case.subject") }
                HTMLNode.input(.id("answer-subject"), .name("subject"), .type("text"), .maxlength(200), .value(draft?.subject ?? ""))
            }
            HTMLNode.div(.class("field")) {
                HTMLNode.label(.for("answer-text")) { t("staff.case.answerText") }
                HTMLNode.textarea(.id("answer-text"), .name("text"), .rows(10), .maxlength(4000), .lang(detail.response.language)) {
                    draft?.text ?? ""
                }
            }
            HTMLNode.p(.class("hint")) { t("staff.case.answerHint") }
            HTMLNode.button(.type("submit"), .name("step"), .value("preview"), .class("button")) { t("staff.case.preview") }
        }
    }

    /// Calls and interim replies: contact with the customer before the answer.
    func contactSteps(_ t: Texts) -> HTMLNode {
        .section(.ariaLabelledBy("h-contact-steps"), .class("case-actions")) {
            HTMLNode.h2(.id("h-contact-steps")) { t("staff.case.contactSteps") }
            HTMLNode.p(.class("hint")) { t("staff.case.contactStepsHint") }
            form(.calls, id: "call-form") {
                StaffForm.textarea("summary", label: t("staff.case.callSummary"), id: "call-summary", required: true, rows: 2)
                HTMLNode.button(.type("submit"), .class("button secondary")) { t("staff.case.recordCall") }
            }
            form(.interim, id: "interim-form") {
                StaffForm.textarea("note", label: t("staff.case.interimNote"), id: "interim-note", rows: 2)
                HTMLNode.button(.type("submit"), .class("button secondary")) { t("staff.case.recordInterim") }
            }
        }
    }
}
