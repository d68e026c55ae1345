import Foundation
import KaikuCore

/// The last look before an answer goes: the message as the customer will get
/// it, by which channel and to which (masked) address. Only "Send" here
/// sends; "Edit" takes the text back into the case page's answer box.
struct AnswerPreviewPage {
    var context: PageContext
    var answer: PreparedAnswer

    func render() -> String {
        let t = context.t
        let title = t("staff.preview.title")
        let casePage = SiteURL.staff(.caseItem(.value(answer.caseID)))
        return StaffLayout(context.at(casePage), title: title).render {
            HTMLNode.p { HTMLNode.a(.href(casePage)) { t("staff.preview.back") } }
            HTMLNode.h1 { title }
            HTMLNode.p(.class("hint")) { t("staff.preview.hint") }
            HTMLNode.dl(.class("status"), .id("preview-meta")) {
                HTMLNode.dt { t("staff.case.channel") }
                HTMLNode.dd(.id("preview-channel")) { answer.channel == "email" ? t("staff.case.channel.email") : t("staff.case.channel.sms") }
                HTMLNode.dt { t("staff.preview.to") }
                HTMLNode.dd(.id("preview-to")) { answer.maskedAddress }
                if answer.channel == "email" {
                    HTMLNode.dt { t("staff.preview.subject") }
                    HTMLNode.dd(.id("preview-subject"), .lang(answer.language.rawValue)) { answer.subject }
                }
            }
            HTMLNode.h2(.id("h-message")) { t("staff.preview.message") }
            HTMLNode.div(.class("message-preview"), .id("preview-text"), .lang(answer.language.rawValue)) {
                answer.text
            }
            HTMLNode.div(.class("preview-actions")) {
                form(.send, id: "send-form", step: nil) {
                    HTMLNode.button(.type("submit"), .class("button")) { t("staff.case.send") }
                }
                form(.answer, id: "edit-form", step: "edit") {
                    HTMLNode.button(.type("submit"), .class("button secondary")) { t("staff.preview.edit") }
                }
            }
        }
    }

    /// The answer travels in hidden fields, filled in: what is sent is exactly what was shown.
    private func form(_ action: SiteURL.CaseFormAction, id: String, step: String?, @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        .form(.method(.post), .action(.staff(.caseAction(.value(answer.caseID), action))), .id(id)) {
            context.csrfField
            HTMLNode.input(.type("hidden"), .name("channel"), .value(answer.channel))
            HTMLNode.input(.type("hidden"), .name("subject"), .value(answer.channel == "email" ? answer.subject : ""))
            HTMLNode.input(.type("hidden"), .name("text"), .value(answer.text))
            if let step { HTMLNode.input(.type("hidden"), .name("step"), .value(step)) }
            content()
        }
    }
}
