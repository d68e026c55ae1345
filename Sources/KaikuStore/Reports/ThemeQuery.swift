import FluentKit
import Foundation
import KaikuCore
import SQLKit

/// Reads the themes of a subtree's open-text answers for a period, for the
/// dashboard. Both reads run on the partial index of open-text answers by
/// day (`responses_open_text_day`), which also carries unit, sentiment and
/// themes, so that the answers without open text are never visited.
public enum ThemeQuery {
    /// A comment shown as an example of a theme: its open text, masked when it arrived.
    public struct Example: Sendable, Equatable {
        public var id: UUID
        /// The day it was answered, in the organisation's time zone.
        public var day: CalendarDay
        public var receivedAt: Date
        public var unitID: UUID
        public var text: String
        /// The language the customer answered in (fi, sv, en).
        public var language: String
        public var sentiment: Sentiment?
    }

    /// Counted groups of the open-text answers of `root`'s subtree from
    /// `previousFrom` to `to`: the days before `from` fall in bucket 0 (the
    /// previous period), the rest in their month (yyyymm). Read from the
    /// rollups' `themes` dimension: a few rows per month, however many
    /// answers and units there are.
    public static func groups(root: UUID, hasChildren: Bool, previousFrom: CalendarDay, from: CalendarDay, to: CalendarDay,
                              on database: any Database) async throws -> [ThemeFigures.Group] {
        var bucketOf: [PeriodPiece: Int] = [:]
        for piece in PeriodCover.pieces(from: previousFrom, to: min(from.adding(days: -1), to)) { bucketOf[piece] = 0 }
        for month in PeriodCover.buckets(from: from, to: to, by: .month) {
            for piece in month.pieces { bucketOf[piece] = month.key }
        }
        let table = hasChildren ? RollupTable.subtreeName : RollupTable.name
        var counts: [Int: [String: Int]] = [:]
        for (grain, pieces) in Dictionary(grouping: bucketOf.keys, by: \.grain) {
            let rows = try await RollupRows.fetch(grouping: ["grain", "period", "value"], counted: ["n"], units: [root], dimension: .themes,
                                                  grain: grain, periods: pieces.map(\.period).sorted(), table: table, on: database.sql)
            for row in rows {
                guard let period = row.period, let bucket = bucketOf[PeriodPiece(grain, period)], let value = row.value, let n = row.counts.first else { continue }
                counts[bucket, default: [:]][value, default: 0] += n
            }
        }
        return counts.flatMap { bucket, values in
            values.compactMap { raw, n -> ThemeFigures.Group? in
                guard n > 0, let value = ThemeRollupValue(rawValue: raw) else { return nil }
                return ThemeFigures.Group(bucket: bucket, themes: ResponseInsert.themeCodes(value.themes),
                                          sentiment: value.sentiment.flatMap(Sentiment.init(rawValue:)), n: n)
            }
        }
    }

    /// The same groups counted from the answers themselves, which the
    /// rollups must always equal (tests compare the two).
    public static func scannedGroups(organisationID: UUID, units: [UUID], previousFrom: CalendarDay, from: CalendarDay, to: CalendarDay,
                                     on sql: any SQLDatabase) async throws -> [ThemeFigures.Group] {
        // A day is a plain integer, written into the statement so that the
        // bucket's expression is the same text in SELECT and GROUP BY.
        let bucket = "CASE WHEN r.local_day < \(from.rawValue) THEN 0 ELSE r.local_day / 100 END"
        var groups: [ThemeFigures.Group] = []
        for chunk in units.chunked(into: 500) {
            let rows = try await sql.raw("""
                SELECT \(unsafeRaw: bucket) AS bucket, r.themes AS themes, r.sentiment AS sentiment, COUNT(*) AS n
                FROM responses r
                WHERE r.organisation_id = \(bind: organisationID)
                  AND r.local_day BETWEEN \(bind: previousFrom.rawValue) AND \(bind: to.rawValue)
                  AND r.open_text IS NOT NULL
                  AND r.themes IS NOT NULL
                  AND r.unit_id IN \(SQLGroupExpression(chunk.map { SQLBind($0) }))
                GROUP BY \(unsafeRaw: bucket), r.themes, r.sentiment
                """).all()
            for row in rows {
                groups.append(ThemeFigures.Group(
                    bucket: try row.decode(column: "bucket", as: Int.self),
                    themes: ResponseInsert.themeCodes(try row.decode(column: "themes", as: String?.self)),
                    sentiment: try row.decode(column: "sentiment", as: String?.self).flatMap(Sentiment.init(rawValue:)),
                    n: try row.decode(column: "n", as: Int.self)))
            }
        }
        return groups
    }

    /// The newest `limit` open-text answers of `units` with `theme` in the period.
    /// `units` is `root`'s subtree. The rollups' day rows tell which days
    /// hold the newest comments of the theme, so only those days' answers
    /// are read: a small unit's few comments are found without walking a
    /// year of the whole organisation's open text.
    public static func examples(organisationID: UUID, root: UUID, units: [UUID], from: CalendarDay, to: CalendarDay, theme: String, limit: Int,
                                on database: any Database) async throws -> [Example] {
        try await examples(organisationID: organisationID, root: root, units: units, from: from, to: to, themes: [theme], limit: limit,
                           on: database)[theme] ?? []
    }

    /// The newest `limit` comments of each of `themes`, as above; the days
    /// of all of them are found in the same reads of the rollups.
    public static func examples(organisationID: UUID, root: UUID, units: [UUID], from: CalendarDay, to: CalendarDay, themes: [String], limit: Int,
                                on database: any Database) async throws -> [String: [Example]] {
        guard limit > 0, from <= to, !themes.isEmpty else { return [:] }
        let days = try await newestDays(root: root, hasChildren: units.count > 1, from: from, to: to, themes: themes, limit: limit, on: database)
        var result: [String: [Example]] = [:]
        for theme in themes {
            guard let themeDays = days[theme], !themeDays.isEmpty else { continue }
            result[theme] = try await examples(organisationID: organisationID, units: units, days: themeDays, theme: theme, limit: limit, on: database)
        }
        return result
    }

    /// The newest `limit` comments of `units` with `theme` on `days`.
    private static func examples(organisationID: UUID, units: [UUID], days: [Int], theme: String, limit: Int,
                                 on database: any Database) async throws -> [Example] {
        let sql = try database.sql
        var examples: [Example] = []
        // Up to 2,000 units in one statement (far below either database's
        // limit on parameters): each further statement walks the chosen days again.
        for chunk in units.chunked(into: 2000) {
            let filter: SQLQueryString = """
                r.organisation_id = \(bind: organisationID)
                  AND r.local_day IN \(SQLGroupExpression(days.map { SQLBind($0) }))
                  AND r.open_text IS NOT NULL
                  AND r.themes LIKE \(bind: "%," + theme + ",%")
                  AND r.unit_id IN \(SQLGroupExpression(chunk.map { SQLBind($0) }))
                """
            let columns = "r.id AS id, r.local_day AS local_day, r.received_at AS received_at, r.unit_id AS unit_id, r.open_text AS open_text, r.language AS language, r.sentiment AS sentiment"
            // A few units' comments are sought unit by unit in the day index
            // and sorted (materialised, so that no planner walks an index by
            // time instead). Many units' are read in the order of
            // `responses_open_text_newest`, walking back from the newest of
            // the chosen days and stopping at `limit`.
            let query: SQLQueryString = chunk.count <= Self.fewUnits
                ? """
                    WITH candidates AS MATERIALIZED (SELECT \(unsafeRaw: columns) FROM responses r WHERE \(filter))
                    SELECT * FROM candidates ORDER BY local_day DESC, received_at DESC LIMIT \(unsafeRaw: String(limit))
                    """
                : """
                    SELECT \(unsafeRaw: columns) FROM responses r WHERE \(filter)
                    ORDER BY r.local_day DESC, r.received_at DESC LIMIT \(unsafeRaw: String(limit))
                    """
            let rows = try await sql.raw(query).all()
            for row in rows {
                guard let day = CalendarDay(rawValue: try row.decode(column: "local_day", as: Int.self)) else { continue }
                examples.append(Example(
                    id: try row.decode(column: "id", as: UUID.self),
                    day: day,
                    receivedAt: try row.decode(column: "received_at", as: Date.self),
                    unitID: try row.decode(column: "unit_id", as: UUID.self),
                    text: try row.decode(column: "open_text", as: String.self),
                    language: try row.decode(column: "language", as: String.self),
                    sentiment: try row.decode(column: "sentiment", as: String?.self).flatMap(Sentiment.init(rawValue:))))
            }
        }
        return Array(examples.sorted { ($0.day, $0.receivedAt, $0.id.uuidString) > ($1.day, $1.receivedAt, $1.id.uuidString) }.prefix(limit))
    }

    /// Subtrees up to this size have their examples sought unit by unit.
    public static let fewUnits = 32

    /// For each of `themes`, the latest days of the period that together hold
    /// at least `limit` comments with it in `root`'s subtree (all when fewer).
    static func newestDays(root: UUID, hasChildren: Bool, from: CalendarDay, to: CalendarDay, themes: [String], limit: Int,
                           on database: any Database) async throws -> [String: [Int]] {
        // Newest first, a fortnight and then windows that double, until
        // every theme has enough (a year in at most five reads): the whole
        // organisation has them on its last day, a small unit may need to
        // look back further.
        let markers = Dictionary(themes.map { ($0, "," + $0 + ",") }, uniquingKeysWith: { first, _ in first })
        var chosen: [String: [Int]] = [:]
        var found: [String: Int] = [:]
        var end = to
        var width = 14
        while end >= from, themes.contains(where: { found[$0, default: 0] < limit }) {
            let start = max(from, end.adding(days: 1 - width))
            var days: [Int] = []
            var day = start
            while day <= end {
                days.append(day.rawValue)
                day = day.adding(days: 1)
            }
            var counts: [String: [Int: Int]] = [:]
            let rows = try await RollupRows.fetch(grouping: ["period", "value"], counted: ["n"], units: [root], dimension: .themes, grain: .day,
                                                  periods: days, table: hasChildren ? RollupTable.subtreeName : RollupTable.name, on: database.sql)
            for row in rows {
                guard let period = row.period, let raw = row.value, let n = row.counts.first, n > 0,
                      let value = ThemeRollupValue(rawValue: raw) else { continue }
                for (theme, marker) in markers where value.themes.contains(marker) {
                    counts[theme, default: [:]][period, default: 0] += n
                }
            }
            for (theme, byDay) in counts {
                for period in byDay.keys.sorted(by: >) where found[theme, default: 0] < limit {
                    chosen[theme, default: []].append(period)
                    found[theme, default: 0] += byDay[period] ?? 0
                }
            }
            end = start.adding(days: -1)
            width *= 2
        }
        return chosen
    }
}
