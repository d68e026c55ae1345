import Foundation
import KaikuCore
import KaikuStore

/// The review step of one answer's open text, shared by the review list and
/// the case page: the masked text, editable before it goes out, and the two
/// decisions. `back` says where the browser returns afterwards.
struct PublicReviewForm {
    var context: PageContext
    var responseID: UUID
    var text: String
    /// The language the text is written in.
    var language: String
    var state: FeedbackResponse.PublicState
    var back: String

    func render() -> HTMLNode {
        let t = context.t
        let id = responseID.uuidString
        return .form(.method(.post), .action(.staff(.reviewItem(.value(responseID)))), .class("review-form")) {
            context.csrfField
            HTMLNode.input(.type("hidden"), .name("back"), .value(back))
            HTMLNode.div(.class("field")) {
                HTMLNode.label(.for("text-\(id)")) { t("staff.review.textLabel") }
                HTMLNode.p(.id("text-\(id)-hint"), .class("hint")) { t("staff.review.textHint") }
                HTMLNode.textarea(.id("text-\(id)"), .name("text"), .rows(5), .maxlength(4000),
                            .ariaDescribedBy("text-\(id)-hint"), .lang(language)) { text }
            }
            HTMLNode.div(.class("review-buttons")) {
                HTMLNode.button(.type("submit"), .name("decision"), .value("publish"), .class("button")) {
                    t(state == .published ? "staff.review.update" : "staff.review.publish")
                }
                if state != .withdrawn {
                    HTMLNode.button(.type("submit"), .name("decision"), .value("withdraw"), .class("button secondary")) { t("staff.review.withdraw") }
                }
            }
        }
    }
}
