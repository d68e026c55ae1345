import Foundation
import KaikuCore

/// Shown after a durable submission, with the code to follow it by.
struct ThanksPage {
    var receipt: String
    var wantsAnswer: Bool
    var promiseDays: Int
    var targetName: String?
    var language: Language
    var catalogue: Catalogue

    func render() -> String {
        let t = { (key: String, arguments: [String: String]) in catalogue.text(key, language, arguments) }
        let layout = PageLayout(language: language, title: t("thanks.title", [:]), catalogue: catalogue, path: "/thanks/\(receipt)")
        return layout.render {
            HTMLNode.div(.class("panel"), .role("status")) {
                HTMLNode.h1 { t("thanks.title", [:]) }
                HTMLNode.p { t("thanks.body", [:]) }
                HTMLNode.p(.class("receipt-line")) {
                    t("thanks.receipt", [:]) + " "
                    HTMLNode.strong(.id("receipt")) { receipt }
                }
            }
            if wantsAnswer {
                HTMLNode.p { t("thanks.answerPromise", ["days": String(promiseDays)]) }
            }
            HTMLNode.p {
                HTMLNode.a(.href("/status/\(receipt)?lang=\(language.rawValue)")) { t("thanks.statusLink", [:]) }
            }
            HTMLNode.p {
                HTMLNode.a(.href("/?lang=\(language.rawValue)")) { t("thanks.another", [:]) }
            }
        }
    }
}
