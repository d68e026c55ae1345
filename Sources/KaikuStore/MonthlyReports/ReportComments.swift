import FluentKit
import Foundation
import KaikuCore
import SQLKit

/// Example comments for a report: the newest open texts of a period, masked
/// as they were when they arrived, taken only from units that had at least
/// the organisation's minimum number of answers in that period, so that no
/// comment comes from a group too small to show.
public enum ReportComments {
    public struct Comment: Sendable, Equatable {
        public var unitID: UUID
        public var day: CalendarDay
        public var text: String
        public var sentiment: Sentiment?
    }

    public static func examples(organisationID: UUID, units: [UUID], from: CalendarDay, to: CalendarDay, minimumN: Int, limit: Int,
                                on database: any Database) async throws -> [Comment] {
        guard limit > 0, !units.isEmpty else { return [] }
        // Which units are large enough comes from the rollups, not from
        // counting the period's answers one by one.
        let tallies = try await RollupQuery.tallies(organisationID: organisationID, units: units, from: from, to: to, by: nil, on: database)
        let large = units.filter { (tallies[.init(unitID: $0, group: nil)]?.responses ?? 0) >= max(1, minimumN) }
        guard !large.isEmpty else { return [] }
        let sql = try database.sql
        var comments: [(Comment, Date)] = []
        // Newest days first, in windows that double, until enough are found: a
        // whole organisation has them on the last day, and a unit without
        // comments costs a walk through a few days' index entries, not the period's.
        var end = to
        var width = 1
        while end >= from, comments.count < limit {
            let start = max(from, end.adding(days: 1 - width))
            for chunk in large.chunked(into: 2000) {
                // In the order of `responses_open_text_newest`, which both planners walk back and stop at `limit`.
                let rows = try await sql.raw("""
                    SELECT r.unit_id AS unit_id, r.local_day AS local_day, r.received_at AS received_at, r.open_text AS open_text, r.sentiment AS sentiment
                    FROM responses r
                    WHERE r.organisation_id = \(bind: organisationID)
                      AND r.local_day BETWEEN \(bind: start.rawValue) AND \(bind: end.rawValue)
                      AND r.open_text IS NOT NULL
                      AND r.unit_id IN \(SQLGroupExpression(chunk.map { SQLBind($0) }))
                    ORDER BY r.local_day DESC, r.received_at DESC
                    LIMIT \(unsafeRaw: String(limit))
                    """).all()
                for row in rows {
                    let text = try row.decode(column: "open_text", as: String.self)
                    guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
                    comments.append((Comment(
                        unitID: try row.decode(column: "unit_id", as: UUID.self),
                        day: CalendarDay(rawValue: try row.decode(column: "local_day", as: Int.self)) ?? from,
                        text: text,
                        sentiment: try row.decode(column: "sentiment", as: String?.self).flatMap(Sentiment.init(rawValue:))),
                        try row.decode(column: "received_at", as: Date.self)))
                }
            }
            end = start.adding(days: -1)
            width *= 2
        }
        return comments.sorted { ($0.0.day, $0.1) > ($1.0.day, $1.1) }.prefix(limit).map(\.0)
    }
}
