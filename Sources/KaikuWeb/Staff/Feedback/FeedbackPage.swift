import Foundation
import KaikuCore
import KaikuStore

/// `/staff/feedback`: what customers wrote in one's units, newest first,
/// each answer with its facts and small forms to mark it read, flag it for
/// a meeting, publish or withdraw it and correct its themes and sentiment.
struct FeedbackPage {
    var context: PageContext
    var model: FeedbackPageModel

    func render() -> String {
        let t = context.t
        return StaffLayout(context.at(.staff(.feedback), model.query), title: t("staff.feedback.title")).render {
            HTMLNode.h1 { t("staff.feedback.title") }
            if let error = model.filterError {
                HTMLNode.div(.class("error-summary"), .role("alert"), .id("error")) {
                    HTMLNode.p {
                        HTMLNode.a(.href("#f-\(error.field)")) { t("staff.feedback.error.filter", ["field": label(error.field)]) }
                    }
                }
            } else if let refusal = model.refusal {
                HTMLNode.div(.class("error-summary"), .role("alert"), .id("error")) {
                    HTMLNode.p { HTMLNode.a(.href("#c-\(refusal.id.uuidString)")) { refusal.message } }
                }
            }
            if let notice = model.notice {
                HTMLNode.div(.class("panel"), .role("status"), .id("notice")) { HTMLNode.p { t(notice) } }
            }
            HTMLNode.p { t("staff.feedback.intro") }
            filterForm
            HTMLNode.p(.class("feed-download")) {
                HTMLNode.a(.href(model.csvURL), .id("feed-csv")) { t("staff.feedback.csv") }
            }
            if model.items.isEmpty {
                HTMLNode.p(.id("feed-empty")) { t(model.page > 1 ? "staff.feedback.emptyPage" : "staff.feedback.empty") }
            } else {
                HTMLNode.ol(.class("feed"), .id("feed")) {
                    for item in model.items { HTMLNode.li { FeedbackItemView(context: context, model: model, item: item).render() } }
                }
            }
            pager
        }
    }

    /// A filter's label, for the error that names it.
    private func label(_ field: String) -> String {
        let t = context.t
        return switch field {
        case "unit": t("staff.filter.unit")
        case "channel": t("staff.filter.channel")
        case "theme": t("staff.filter.theme")
        case "from": t("staff.feedback.filter.from")
        case "to": t("staff.feedback.filter.to")
        case "target": t("staff.feedback.filter.target")
        case "language": t("staff.feedback.filter.language")
        case "sentiment": t("staff.feedback.filter.sentiment")
        case "score": t("staff.feedback.filter.score")
        case "read": t("staff.feedback.filter.read")
        case "flagged": t("staff.feedback.filter.flagged")
        default: t("staff.feedback.filter.q")
        }
    }

    private var filterForm: HTMLNode {
        let t = context.t
        let f = model.filters
        let invalid = model.filterError?.field
        let units = [("", t("staff.filter.allUnits"))] + model.units.map { ($0.code, String(repeating: "\u{2003}", count: $0.depth) + $0.name) }
        let targets = [("", t("staff.feedback.filter.allTargets"))] + model.targets.map { ($0.code, $0.name) }
        let channels = [("", t("staff.filter.allChannels"))] + KaikuCore.Channel.allCases.map { ($0.rawValue, t("channel.\($0.rawValue)")) }
        let languages = [("", t("staff.feedback.filter.allLanguages"))]
            + Language.allCases.map { ($0.rawValue, context.catalogue.text("language.name", $0)) }
        let themes = [("", t("staff.filter.allThemes"))] + model.themes.map { ($0.code, $0.name) }
        let sentiments = [("", t("staff.feedback.filter.allSentiments"))] + Sentiment.allCases.map { ($0.rawValue, t("sentiment.\($0.rawValue)")) }
        let scores = [("", t("staff.feedback.filter.anyScore"))]
            + FeedbackFeed.ScoreBand.allCases.map { ($0.rawValue, t("staff.feedback.score.\($0.rawValue)")) }
        let reads = [("", t("staff.feedback.filter.anyRead")), ("false", t("staff.feedback.filter.unread")), ("true", t("staff.feedback.filter.readOnly"))]
        let flags = [("", t("staff.feedback.filter.anyFlag")), ("true", t("staff.feedback.filter.flaggedOnly"))]
        func select(_ name: String, _ label: String, _ options: [(String, String)]) -> HTMLNode {
            let node = StaffForm.select(name, label: label, options: options, selected: f[name])
            return invalid == name ? .div(.class("field invalid")) { node } : node
        }
        return .form(.method(.get), .action(.staff(.feedback)), .class("filters feed-filters"), .ariaLabel(t("staff.feedback.filter.label"))) {
            StaffForm.input("q", type: "search", label: t("staff.feedback.filter.q"), value: f["q"], hint: t("staff.feedback.filter.qHint"),
                            invalid: invalid == "q", extra: [.maxlength(FeedbackFeed.maxSearchLength)])
            select("unit", t("staff.filter.unit"), units)
            select("target", t("staff.feedback.filter.target"), targets)
            select("theme", t("staff.filter.theme"), themes)
            select("sentiment", t("staff.feedback.filter.sentiment"), sentiments)
            select("score", t("staff.feedback.filter.score"), scores)
            select("channel", t("staff.filter.channel"), channels)
            select("language", t("staff.feedback.filter.language"), languages)
            select("read", t("staff.feedback.filter.read"), reads)
            select("flagged", t("staff.feedback.filter.flagged"), flags)
            StaffForm.input("from", type: "date", label: t("staff.feedback.filter.from"), value: f["from"], invalid: invalid == "from")
            StaffForm.input("to", type: "date", label: t("staff.feedback.filter.to"), value: f["to"], invalid: invalid == "to")
            HTMLNode.div(.class("field")) {
                HTMLNode.button(.type("submit"), .class("button")) { t("staff.filter.apply") }
            }
            if !f.isEmpty {
                HTMLNode.p(.class("feed-clear")) { HTMLNode.a(.href(.staff(.feedback))) { t("staff.feedback.filter.clear") } }
            }
        }
    }

    @HTMLBuilder private var pager: [HTMLNode] {
        let t = context.t
        if model.hasPrevious || model.hasNext {
            HTMLNode.nav(.class("pager"), .ariaLabel(t("staff.feedback.pager.label"))) {
                if model.hasPrevious {
                    HTMLNode.a(.href(model.url(page: model.page - 1)), .rel("prev")) { t("staff.feedback.pager.previous") }
                }
                HTMLNode.span { t("staff.feedback.pager.page", ["page": String(model.page)]) }
                if model.hasNext {
                    HTMLNode.a(.href(model.url(page: model.page + 1)), .rel("next")) { t("staff.feedback.pager.next") }
                }
            }
        }
    }
}
