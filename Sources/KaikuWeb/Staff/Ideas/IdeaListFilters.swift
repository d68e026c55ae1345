import Foundation

/// The list page's filters as the query string carries them; the API's
/// filters are the same names (`status`, `category`, `unit`, `year`).
struct IdeaListFilters: Equatable {
    var status = ""
    var category = ""
    var unit = ""
    var year = ""

    /// The filters as query items, the empty ones left out, for links (the CSV) and the language switcher.
    var query: [(String, String)] {
        [("status", status), ("category", category), ("unit", unit), ("year", year)].filter { !$0.1.isEmpty }
    }

    static func == (lhs: IdeaListFilters, rhs: IdeaListFilters) -> Bool {
        lhs.status == rhs.status && lhs.category == rhs.category && lhs.unit == rhs.unit && lhs.year == rhs.year
    }
}
