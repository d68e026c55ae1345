import Foundation
import KaikuCore

/// Shown after a durable submission, with the code to follow it by.
struct ThanksPage {
    var context: PageContext
    var model: ThanksModel

    func render() -> String {
        let t = context.t
        return PageLayout(context, title: t("thanks.title")).render {
            HTMLNode.div(.class("panel"), .role("status")) {
                HTMLNode.h1 { t("thanks.title") }
                HTMLNode.p { t("thanks.body") }
                HTMLNode.p(.class("receipt-line")) {
                    t("thanks.receipt") + " "
                    HTMLNode.strong(.id("receipt")) { model.receipt }
                }
            }
            if let days = model.promiseDays {
                HTMLNode.p {
                    model.promiseIn == .workingDays
                        ? t("thanks.answerPromiseWorkingDays", ["days": String(days)]) : t("thanks.answerPromise", ["days": String(days)])
                }
            }
            HTMLNode.p {
                HTMLNode.a(.href(model.status.url(language: context.language))) { t("thanks.statusLink") }
            }
            HTMLNode.p {
                HTMLNode.a(.href(SiteURL.home.url(language: context.language))) { t("thanks.another") }
            }
        }
    }
}
