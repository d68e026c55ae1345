import Foundation
import KaikuCore
import KaikuStore

/// One answer of the feed: the text, its facts, and its small forms. Each
/// form carries the page's query in `back`, so the browser returns to the
/// same filtered page and to this answer.
struct FeedbackItemView {
    var context: PageContext
    var model: FeedbackPageModel
    var item: FeedbackPageModel.Item

    func render() -> HTMLNode {
        let t = context.t
        let id = item.id.uuidString
        return .article(.class(item.read ? "feed-item" : "feed-item unread"), .id(item.anchor), .ariaLabelledBy("h-\(id)")) {
            HTMLNode.h2(.id("h-\(id)")) {
                item.target
                if !item.read { HTMLNode.span(.class("badge badge-unread")) { t("staff.feedback.badge.unread") } }
                if item.flagged { HTMLNode.span(.class("badge badge-flagged")) { t("staff.feedback.badge.flagged") } }
            }
            HTMLNode.blockquote(.class("feed-text"), .lang(item.language)) { HTMLNode.p { item.text } }
            facts
            actions
            correction
        }
    }

    private var facts: HTMLNode {
        let t = context.t
        let language = Language(rawValue: item.language).map { context.catalogue.text("language.name", $0) } ?? item.language
        let facts: [(String, String)] = [
            (t("staff.feedback.item.received"), item.received),
            (t("staff.filter.unit"), item.unit),
            (t("staff.filter.channel"), t("channel.\(item.channel)")),
            (t("staff.feedback.filter.language"), language),
            (t("staff.feedback.item.score"), item.score.map(String.init) ?? t("staff.feedback.item.noScore")),
            (t("staff.feedback.item.themes"), item.themeNames.isEmpty ? t("staff.feedback.item.noThemes") : item.themeNames.joined(separator: ", ")),
            (t("staff.feedback.filter.sentiment"), item.sentiment.map { t("sentiment.\($0.rawValue)") } ?? "–"),
            (t("staff.feedback.item.public"), t("staff.review.state.\(item.publicState.rawValue)")),
        ]
        return .dl(.class("feed-facts")) {
            for (term, value) in facts {
                HTMLNode.div {
                    HTMLNode.dt { term }
                    HTMLNode.dd { value }
                }
            }
        }
    }

    private var actions: HTMLNode {
        .div(.class("feed-actions")) {
            button(item.read ? .unread : .read, secondary: false)
            if model.canAct {
                button(item.flagged ? .unflag : .flag)
                if item.publicState != .published { button(.publish) }
                if item.publicState != .withdrawn { button(.withdraw) }
            }
        }
    }

    /// A one-button form; the button's text names the answer for screen readers that list buttons.
    private func button(_ action: SiteURL.FeedbackFormAction, secondary: Bool = true) -> HTMLNode {
        let t = context.t
        return .form(.method(.post), .action(.staff(.feedbackAction(.value(item.id), action))), .class("inline")) {
            context.csrfField
            HTMLNode.input(.type("hidden"), .name("back"), .value(FeedbackReturn.back(model.query)))
            HTMLNode.button(.type("submit"), .class(secondary ? "button secondary" : "button"), .ariaDescribedBy("h-\(item.id.uuidString)")) {
                t("staff.feedback.action.\(action.rawValue)")
            }
        }
    }

    @HTMLBuilder private var correction: [HTMLNode] {
        let t = context.t
        let id = item.id.uuidString
        let refusal = model.refusal?.id == item.id ? model.refusal : nil
        let checked = refusal?.themes ?? item.themeCodes
        let sentiment = refusal.map { $0.sentiment ?? "" } ?? item.sentiment?.rawValue ?? ""
        if model.canAct {
            HTMLNode.details([.class("feed-correct"), .id("c-\(id)")] + (refusal != nil ? [.flag("open")] : [])) {
                HTMLNode.summary { t("staff.feedback.action.correct") }
                HTMLNode.form(.method(.post), .action(.staff(.feedbackAction(.value(item.id), .classification)))) {
                    context.csrfField
                    HTMLNode.input(.type("hidden"), .name("back"), .value(FeedbackReturn.back(model.query)))
                    if let refusal {
                        HTMLNode.p(.class("field-error"), .id("c-\(id)-error")) { refusal.message }
                    }
                    HTMLNode.fieldset([.class("options")] + (refusal != nil ? [.ariaDescribedBy("c-\(id)-error")] : [])) {
                        HTMLNode.legend { t("staff.feedback.item.themes") }
                        for (index, theme) in model.themes.enumerated() {
                            HTMLNode.div(.class("field checkbox")) {
                                HTMLNode.input([.type("checkbox"), .id("c-\(id)-t\(index)"), .name("themes[]"), .value(theme.code)]
                                               + (checked.contains(theme.code) ? [.checked] : []))
                                HTMLNode.label(.for("c-\(id)-t\(index)")) { theme.name }
                            }
                        }
                    }
                    HTMLNode.fieldset(.class("options")) {
                        HTMLNode.legend { t("staff.feedback.filter.sentiment") }
                        for value in Sentiment.allCases {
                            HTMLNode.div(.class("field checkbox")) {
                                HTMLNode.input([.type("radio"), .id("c-\(id)-s-\(value.rawValue)"), .name("sentiment"), .value(value.rawValue)]
                                               + (sentiment == value.rawValue ? [.checked] : []))
                                HTMLNode.label(.for("c-\(id)-s-\(value.rawValue)")) { t("sentiment.\(value.rawValue)") }
                            }
                        }
                    }
                    HTMLNode.button(.type("submit"), .class("button")) { t("staff.feedback.action.save") }
                }
            }
        }
    }
}
