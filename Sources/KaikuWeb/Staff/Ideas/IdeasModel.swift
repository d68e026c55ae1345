import Foundation
import KaikuCore

/// The idea bank's list page as plain values: the filters, the counts by
/// status, category and year of the filtered ideas, and the ideas newest first.
struct IdeasModel {
    struct Row: Equatable {
        var id: UUID
        var title: String
        var status: IdeaStatus
        var category: String
        var unit: String
        var submitted: String
        /// Nil for an anonymous idea the viewer did not send.
        var submitter: String?
        var owner: String?
        var mine: Bool
    }

    struct Count: Equatable {
        var key: String
        var label: String
        var count: Int
    }

    var filters: IdeaListFilters
    var categories: [(code: String, name: String)]
    var units: [UnitOption]
    var years: [Int]
    var total: Int
    var statusCounts: [Count]
    var categoryCounts: [Count]
    var yearCounts: [Count]
    var rows: [Row]
    /// More ideas than the page lists: the CSV has them all.
    var truncated: Bool
    var notice: String?

    /// `done=` after sending an idea, as the redirect names it.
    static func notice(done: String?) -> String? {
        done == "submitted" ? "staff.ideas.done.submitted" : nil
    }

    /// The counts with names, statuses in their order and categories as the organisation lists them; the zeros stay, so the table keeps its rows.
    static func counts(_ counts: IdeaCounts, statusName: (IdeaStatus) -> String, categoryName: (String) -> String)
        -> (statuses: [Count], categories: [Count], years: [Count]) {
        (counts.statuses.map { Count(key: $0.key.rawValue, label: statusName($0.key), count: $0.count) },
         counts.categories.map { Count(key: $0.key, label: categoryName($0.key), count: $0.count) },
         counts.years.map { Count(key: String($0.key), label: String($0.key), count: $0.count) })
    }
}
