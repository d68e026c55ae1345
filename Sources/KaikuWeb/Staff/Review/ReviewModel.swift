import Foundation
import KaikuCore

/// What the review list shows, as plain values: one page of open text
/// waiting for a look, and the outcome of the last decision.
struct ReviewModel: Sendable {
    struct Item: Sendable, Equatable {
        var id: UUID
        var target: String
        var unit: String
        var channel: String
        /// The language the text is written in.
        var language: String
        var received: String
        var text: String
    }

    var items: [Item]
    var total: Int
    var page: Int
    var pageSize: Int
    /// Catalogue key of the decision just made.
    var notice: String?
    var error: String?

    /// The notice for a `done` value of the address; anything else shows none.
    static func notice(done: String?) -> String? {
        done.flatMap { ["published", "withdrawn"].contains($0) ? "staff.review.done.\($0)" : nil }
    }

    /// A page number from the address, bounded so no offset can overflow.
    static func page(_ raw: Int?) -> Int {
        max(1, min(10_000, raw ?? 1))
    }

    /// This page's query: nothing on the first page.
    var query: [(String, String)] {
        page > 1 ? [("page", String(page))] : []
    }

    /// Where a decision made on this page returns.
    var back: String {
        SiteURL.staff(.review).url(query)
    }

    func url(page: Int) -> String {
        SiteURL.staff(.review).url([("page", String(page))])
    }

    var isPaged: Bool { total > pageSize }
}
