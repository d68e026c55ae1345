import Foundation
import KaikuCore

/// The public status of a piece of feedback: no personal data, only what
/// happened, when, and which unit has it.
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
                    if let unit = found.unit {
                        HTMLNode.dt { t("status.unit") }
                        HTMLNode.dd(.id("unit")) { unit[context.language] }
                    }
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
                HTMLNode.h2(.id("h-timeline")) { t("status.timeline.title") }
                HTMLNode.ol(.class("timeline"), .id("timeline"), .ariaLabelledBy("h-timeline")) {
                    for step in found.timeline {
                        HTMLNode.li(.class("done")) {
                            HTMLNode.strong { t("status.step.\(step.kind.rawValue)") }
                            " " + step.day
                        }
                    }
                    if let due = found.due {
                        HTMLNode.li(.class("waiting")) { t("status.step.waiting", ["day": due]) }
                    }
                }
            } else {
                HTMLNode.p { t("status.unknown") }
            }
            HTMLNode.p { HTMLNode.a(.href(SiteURL.statusLookup.url(language: context.language))) { t("status.lookup.again") } }
        }
    }
}
