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
            HTMLNode.h1 { t("status.title", [:]) }
            if let receivedDay {
                HTMLNode.dl(.class("status")) {
                    HTMLNode.dt { t("status.receipt", [:]) }
                    HTMLNode.dd(.id("receipt")) { receipt }
                    HTMLNode.dt { t("status.received", [:]) }
                    HTMLNode.dd { "\(receivedDay.day).\(receivedDay.month).\(receivedDay.year)" }
                    HTMLNode.dt { t("status.state", [:]) }
                    HTMLNode.dd(.id("state")) {
                        if let caseStatus { t("status.case.\(caseStatus.rawValue)", [:]) } else { t("status.state.received", [:]) }
                    }
                    if let dueDay, caseStatus?.isPending == true {
                        HTMLNode.dt { t("status.due", [:]) }
                        HTMLNode.dd { "\(dueDay.day).\(dueDay.month).\(dueDay.year)" }
                    }
                }
            } else {
                HTMLNode.p { t("status.unknown", [:]) }
            }
        }
    }
}
