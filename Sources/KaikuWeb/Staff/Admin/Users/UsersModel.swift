import Foundation
import KaikuCore
import KaikuStore

/// What the users list shows, as plain values: one page of the users the
/// filters find, the filter choices, and the "Add user" form.
struct UsersModel: Sendable {
    struct Row: Sendable, Equatable {
        var id: UUID
        var email: String
        var name: String?
        var role: String
        var unit: String
        var state: UserState
    }

    /// A refused form: the field to correct and what to do about it.
    struct Problem: Sendable, Equatable {
        var field: String
        var message: String
    }

    static let pageSize = 25

    var rows: [Row]
    var total: Int
    var filters: UsersFilters
    var units: [UnitOption]
    var form = UserAddForm()
    var problem: Problem?

    /// Whether every word of the search is in the e-mail address or the
    /// name, whatever the case and accents ("virtanen" finds "Virtánen").
    static func matches(_ search: String, email: String, name: String?) -> Bool {
        let words = search.split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return true }
        let haystack = email + " " + (name ?? "")
        return words.allSatisfy { haystack.range(of: $0, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
    }

    /// The rows the filters keep, by name (or e-mail address where there is no name).
    static func filtered(_ rows: [Row], _ filters: UsersFilters) -> [Row] {
        rows.filter { row in
            (filters.state.map { $0 == row.state } ?? true) && matches(filters.search, email: row.email, name: row.name)
        }
        .sorted { sortKey($0) < sortKey($1) }
    }

    /// One page of `rows`; a page past the end shows the last one.
    static func page(_ rows: [Row], number: Int) -> (rows: [Row], number: Int) {
        let pages = max(1, (rows.count + pageSize - 1) / pageSize)
        let number = min(max(1, number), pages)
        return (Array(rows.dropFirst((number - 1) * pageSize).prefix(pageSize)), number)
    }

    private static func sortKey(_ row: Row) -> String {
        (row.name ?? row.email).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) + "\u{0}" + row.email
    }

    /// The unit choices, indented by depth.
    var unitChoices: [(String, String)] {
        units.map { ($0.code, String(repeating: "\u{2003}", count: $0.depth) + $0.name) }
    }
}
