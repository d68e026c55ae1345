import Foundation
import KaikuCore
import KaikuStore

/// `/staff/review`: the open text of one's units waiting for a handler's
/// look before it may go public, newest first, each with its review form.
struct StaffReviewPage {
    struct Item {
        var id: UUID
        var target: String
        var unit: String
        var channel: String
        var language: String
        var receivedAt: Date
        var text: String
    }

    var language: Language
    var catalogue: Catalogue
    var session: SessionToken
    var zone: TimeZone
    var items: [Item]
    var total: Int
    var page: Int
    var pageSize: Int
    /// Catalogue key of the decision just made.
    var notice: String?
    var error: String?

    private func t(_ key: String, _ arguments: [String: String] = [:]) -> String { catalogue.text(key, language, arguments) }

    func render() -> String {
        let layout = StaffLayout(language: language, catalogue: catalogue, title: t("staff.review.title"), path: "/staff/review",
                                 query: page > 1 ? [("page", String(page))] : [], session: session)
        return layout.render {
            HTMLNode.h1 { t("staff.review.title") }
            if let error {
                HTMLNode.div(.class("error-summary"), .role("alert"), .id("error")) { HTMLNode.p { error } }
            }
            if let notice {
                HTMLNode.div(.class("panel"), .role("status"), .id("notice")) { HTMLNode.p { t(notice) } }
            }
            HTMLNode.p { t("staff.review.intro") }
            HTMLNode.p(.id("review-count")) { t(total == 1 ? "staff.review.countOne" : "staff.review.count", ["count": String(total)]) }
            for item in items { article(item) }
            if total > pageSize {
                StaffPager(context: PageContext(language: language, catalogue: catalogue, session: session), page: page, total: total, pageSize: pageSize) { SiteURL.staff(.review).url([("page", String($0))]) }.render()
            }
        }
    }

    private func article(_ item: Item) -> HTMLNode {
        .article(.class("review-item"), .id("r-\(item.id.uuidString)"), .ariaLabelledBy("h-\(item.id.uuidString)")) {
            HTMLNode.h2(.id("h-\(item.id.uuidString)")) { item.target }
            HTMLNode.p(.class("hint")) {
                t("staff.review.meta", ["unit": item.unit, "channel": t("channel.\(item.channel)"),
                                        "language": catalogue.text("language.name", Language(rawValue: item.language) ?? .fi),
                                        "received": StaffForm.date(item.receivedAt, in: zone)])
            }
            PublicReviewForm(responseID: item.id, text: item.text, language: item.language, state: .waiting, session: session,
                             catalogue: catalogue, pageLanguage: language, back: page > 1 ? "/staff/review?page=\(page)" : "/staff/review").render()
        }
    }
}
