import Foundation
import KaikuCore
import KaikuStore

/// `/staff/review`: the open text of one's units waiting for a handler's
/// look before it may go public, newest first, each with its review form.
struct ReviewPage {
    var context: PageContext
    var model: ReviewModel

    func render() -> String {
        let t = context.t
        return StaffLayout(context.at(.staff(.review), model.query), title: t("staff.review.title")).render {
            HTMLNode.h1 { t("staff.review.title") }
            if let error = model.error {
                HTMLNode.div(.class("error-summary"), .role("alert"), .id("error")) { HTMLNode.p { error } }
            }
            if let notice = model.notice {
                HTMLNode.div(.class("panel"), .role("status"), .id("notice")) { HTMLNode.p { t(notice) } }
            }
            HTMLNode.p { t("staff.review.intro") }
            HTMLNode.p(.id("review-count")) { t(model.total == 1 ? "staff.review.countOne" : "staff.review.count", ["count": String(model.total)]) }
            for item in model.items { article(item) }
            if model.isPaged {
                StaffPager(context: context, page: model.page, total: model.total, pageSize: model.pageSize, link: model.url(page:)).render()
            }
        }
    }

    private func article(_ item: ReviewModel.Item) -> HTMLNode {
        let t = context.t
        return .article(.class("review-item"), .id("r-\(item.id.uuidString)"), .ariaLabelledBy("h-\(item.id.uuidString)")) {
            HTMLNode.h2(.id("h-\(item.id.uuidString)")) { item.target }
            HTMLNode.p(.class("hint")) {
                t("staff.review.meta", ["unit": item.unit, "channel": t("channel.\(item.channel)"),
                                        "language": context.catalogue.text("language.name", Language(rawValue: item.language) ?? .fi),
                                        "received": item.received])
            }
            PublicReviewForm(context: context, responseID: item.id, text: item.text, language: item.language, state: .waiting,
                             back: model.back).render()
        }
    }
}
