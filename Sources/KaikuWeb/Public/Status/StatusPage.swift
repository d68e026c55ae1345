import Foundation
import KaikuCore

/// The public status of a piece of feedback: no personal data, only what
/// happened and when.
struct StatusPage {
    var context: PageContext
    var model: StatusModel

    func render() -> String {
        let t = context.t
        return PageLayout(context, title: t("status.title")).render {
            HTMLNode.h1 { t("status.title") }
            if let found = model.found {
                HTMLNode.dl(.class("status")) {
                    HTMLNode.dt { t("status.receipt") }
                    HTMLNode.dd(.id("receipt")) { model.receipt }
                    HTMLNode.dt { t("status.received") }
                    HTMLNode.dd { found.received }
                    HTMLNode.dt { t("status.state") }
                    HTMLNode.dd(.id("state")) {
                        switch found.state {
                        case .received: t("status.state.received")
                        case .handled(let status): t("status.case.\(status.rawValue)")
                        }
                    }
                    if let due = found.due {
                        HTMLNode.dt { t("status.due") }
                        HTMLNode.dd { due }
                    }
                }
            } else {
                HTMLNode.p { t("status.unknown") }
            }
        }
    }
}
