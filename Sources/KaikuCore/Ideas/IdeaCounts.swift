import Foundation

/// Ideas counted by status, category and year of submission, as the idea
/// page and `GET /api/v1/ideas/stats` show them. Every status and every
/// category of the organisation is listed, zeros too, so that a table or a
/// client sees the same rows every time.
public struct IdeaCounts: Sendable, Equatable {
    public var total: Int
    public var statuses: [(key: IdeaStatus, count: Int)]
    public var categories: [(key: String, count: Int)]
    /// Years with ideas, oldest first.
    public var years: [(key: Int, count: Int)]

    public init(rows: [(status: IdeaStatus, category: String, year: Int)], categoryCodes: [String]) {
        total = rows.count
        let byStatus = Dictionary(grouping: rows, by: \.status).mapValues(\.count)
        statuses = IdeaStatus.allCases.map { ($0, byStatus[$0] ?? 0) }
        let byCategory = Dictionary(grouping: rows, by: \.category).mapValues(\.count)
        // A category no longer offered keeps its ideas counted.
        let codes = categoryCodes + byCategory.keys.filter { !categoryCodes.contains($0) }.sorted()
        categories = codes.map { ($0, byCategory[$0] ?? 0) }
        years = Dictionary(grouping: rows, by: \.year).mapValues(\.count).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    public static func == (lhs: IdeaCounts, rhs: IdeaCounts) -> Bool {
        lhs.total == rhs.total && lhs.statuses.map(\.key) == rhs.statuses.map(\.key) && lhs.statuses.map(\.count) == rhs.statuses.map(\.count)
            && lhs.categories.map(\.key) == rhs.categories.map(\.key) && lhs.categories.map(\.count) == rhs.categories.map(\.count)
            && lhs.years.map(\.key) == rhs.years.map(\.key) && lhs.years.map(\.count) == rhs.years.map(\.count)
    }
}
