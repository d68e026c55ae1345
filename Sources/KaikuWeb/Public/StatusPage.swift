import Foundation
import KaikuCore

/// The public status of a piece of feedback: no personal data, only what
/// happened and when.
struct StatusPage {
    var receipt: String
    var receivedDay: CalendarDay?
    var wantsAnswer: Bool
    /// The case's state and promised answer day, when an answer was asked for.
    var caseStatus: CaseStatus?
    var dueDay: CalendarDay?
    var language: Language
    var catalogue: Catalogue

    func render() -> String {
        let t = { (key: String, arguments: [String: String]) in catalogue.text(key, language, arguments) }
        let layout = PageLayout(language: language, title: t("status.title", [:]), catalogue: catalogue, path: "/status/\(receipt)")
        return layout.render {
            HTMLNode.el("h1") { t("status.title", [:]) }
            if let receivedDay {
                HTMLNode.el("dl", .class("status")) {
                    HTMLNode.el("dt") { t("status.receipt", [:]) }
                    HTMLNode.el("dd", .id("receipt")) { receipt }
                    HTMLNode.el("dt") { t("status.received", [:]) }
                    HTMLNode.el("dd") { "\(receivedDay.day).\(receivedDay.month).\(receivedDay.year)" }
                    HTMLNode.el("dt") { t("status.state", [:]) }
                    HTMLNode.el("dd", .id("state")) {
                        if let caseStatus { t("status.case.\(caseStatus.rawValue)", [:]) } else { t("status.state.received", [:]) }
                    }
                    if let dueDay, caseStatus?.isPending == true {
                        HTMLNode.el("dt") { t("status.due", [:]) }
                        HTMLNode.el("dd") { "\(dueDay.day).\(dueDay.month).\(dueDay.year)" }
                    }
                }
            } else {
                HTMLNode.el("p") { t("status.unknown", [:]) }
            }
        }
    }
}
