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
            HTMLNode.el("div", .class("panel"), .attr("role", "status")) {
                HTMLNode.el("h1") { t("thanks.title", [:]) }
                HTMLNode.el("p") { t("thanks.body", [:]) }
                HTMLNode.el("p", .class("receipt-line")) {
                    t("thanks.receipt", [:]) + " "
                    HTMLNode.el("strong", .id("receipt")) { receipt }
                }
            }
            if wantsAnswer {
                HTMLNode.el("p") { t("thanks.answerPromise", ["days": String(promiseDays)]) }
            }
            HTMLNode.el("p") {
                HTMLNode.el("a", .href("/status/\(receipt)?lang=\(language.rawValue)")) { t("thanks.statusLink", [:]) }
            }
            HTMLNode.el("p") {
                HTMLNode.el("a", .href("/?lang=\(language.rawValue)")) { t("thanks.another", [:]) }
            }
        }
    }
}
