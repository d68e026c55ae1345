import Foundation
import KaikuCore

/// The unsubscribe link's page: a button to confirm, the result, or a word
/// that the link is not valid.
struct ReportUnsubscribePage {
    enum State: Equatable {
        case confirm(email: String)
        case done(email: String)
        case unknown
    }

    var context: PageContext
    var state: State
    var token: String?

    func render() -> String {
        let t = context.t
        let here = token.map { context.at(.staff(.reportUnsubscribe(.value($0)))) } ?? context
        switch state {
        case .confirm(let email):
            return StaffLayout(here, title: t("reportUnsubscribe.title")).render {
                HTMLNode.h1 { t("reportUnsubscribe.title") }
                HTMLNode.p(.class("lead")) { t("reportUnsubscribe.lead", ["email": email]) }
                if let token {
                    HTMLNode.form(.method(.post), .action(.staff(.reportUnsubscribe(.value(token)))), .id("unsubscribe-form")) {
                        HTMLNode.button(.type("submit"), .class("button")) { t("reportUnsubscribe.confirm") }
                    }
                }
            }
        case .done(let email):
            return StaffLayout(here, title: t("reportUnsubscribe.done.title")).render {
                HTMLNode.h1 { t("reportUnsubscribe.done.title") }
                HTMLNode.p(.id("unsubscribe-done"), .role("status")) { t("reportUnsubscribe.done.body", ["email": email]) }
                HTMLNode.p { HTMLNode.a(.href(.staff(.account))) { t("reportUnsubscribe.toAccount") } }
            }
        case .unknown:
            return StaffLayout(context, title: t("reportUnsubscribe.unknown.title")).render {
                HTMLNode.h1 { t("reportUnsubscribe.unknown.title") }
                HTMLNode.p(.id("unsubscribe-unknown")) { t("reportUnsubscribe.unknown.body") }
                HTMLNode.p { HTMLNode.a(.href(.staff(.account))) { t("reportUnsubscribe.toAccount") } }
            }
        }
    }
}
