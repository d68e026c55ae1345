import Foundation

/// Where a feed item's form returns: the feed with the filters and page it
/// was on, at the item. The value comes back from the browser, so only the
/// feed's own parameters are taken from it and the address is built anew —
/// it can lead nowhere else.
enum FeedbackReturn {
    /// The page's query as a form value.
    static func back(_ query: [(String, String)]) -> String {
        var components = URLComponents()
        components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) }
        return components.percentEncodedQuery ?? ""
    }

    /// The filters and page a `back` value names; anything else in it is dropped.
    static func query(from back: String?) -> (filters: FeedbackFilters, page: Int) {
        guard let back, back.utf8.count <= 4_000, let items = URLComponents(string: "?" + back)?.queryItems else {
            return (FeedbackFilters(), 1)
        }
        func value(_ name: String) -> String? { items.first { $0.name == name }?.value }
        return (FeedbackFilters(query: value), FeedbackPageModel.page(value("page")))
    }

    /// The address to return to after an action, with its notice and the item's anchor.
    static func url(back: String?, done: String, anchor: String) -> String {
        let (filters, page) = query(from: back)
        let query = filters.query + (page > 1 ? [("page", String(page))] : []) + [("done", done)]
        return SiteURL.staff(.feedback).url(query) + "#" + anchor
    }
}
