import FluentKit
import Foundation
import KaikuCore
import SQLKit

/// Reads tallies from the rollups, as `TallyQuery` does from the answers
/// themselves and with the same results: whole months, weeks and days of
/// the period are summed instead of every answer being read.
public enum RollupQuery {
    /// With `perUnit` false the whole of `units` is summed by the database
    /// and returned under `root`, which is all a report grouped by channel,
    /// language or month needs.
    public static func tallies(
        organisationID: UUID, units: [UUID], from: CalendarDay, to: CalendarDay,
        by dimension: TallyQuery.Dimension?, perUnit: Bool = true, root: UUID? = nil, noAnswersAfter latest: CalendarDay? = nil,
        on database: any Database
    ) async throws -> [TallyQuery.Key: Tally] {
        try await read([(RollupTable.name, units)], from: from, to: to, by: dimension, perUnit: perUnit, root: root, noAnswersAfter: latest, statementIDs: nil, on: database)
    }

    /// Each unit's tally for its whole subtree: units with children (`parents`)
    /// are read from the subtree rollups, the others from their own rows, so
    /// the rows read do not depend on how many units lie below `units`.
    public static func subtreeTallies(
        units: [UUID], parents: Set<UUID>, from: CalendarDay, to: CalendarDay,
        by dimension: TallyQuery.Dimension?, noAnswersAfter latest: CalendarDay? = nil, statementIDs: [UUID: [String]]? = nil, on database: any Database
    ) async throws -> [TallyQuery.Key: Tally] {
        try await read([(RollupTable.name, units.filter { !parents.contains($0) }), (RollupTable.subtreeName, units.filter(parents.contains))],
                       from: from, to: to, by: dimension, perUnit: true, root: nil, noAnswersAfter: latest, statementIDs: statementIDs, on: database)
    }

    private static func read(
        _ sources: [(table: String, units: [UUID])], from: CalendarDay, to: CalendarDay,
        by dimension: TallyQuery.Dimension?, perUnit: Bool, root: UUID?, noAnswersAfter latest: CalendarDay?, statementIDs known: [UUID: [String]]?,
        on database: any Database
    ) async throws -> [TallyQuery.Key: Tally] {
        let units = sources.flatMap(\.units)
        guard !units.isEmpty, from <= to else { return [:] }
        let sql = try database.sql
        // Each piece of the period, and the group (month) it belongs to when grouping by month.
        var pieceGroup: [PeriodPiece: String] = [:]
        if dimension == .month {
            for bucket in PeriodCover.buckets(from: from, to: to, by: .month, noAnswersAfter: latest) {
                for piece in bucket.pieces { pieceGroup[piece] = TallyQuery.Dimension.monthKey(bucket.key) }
            }
        } else if dimension == .week {
            for bucket in PeriodCover.buckets(from: from, to: to, by: .week, noAnswersAfter: latest) {
                for piece in bucket.pieces { pieceGroup[piece] = TallyQuery.Dimension.weekKey(bucket.key) }
            }
        } else {
            for piece in PeriodCover.pieces(from: from, to: to, noAnswersAfter: latest) { pieceGroup[piece] = "" }
        }
        let rollupDimension: RollupDimension = switch dimension {
        case .channel: .channel
        case .language: .language
        case .respondent: .respondent
        case .ageGroup: .ageGroup
        case .month, .week, nil: .all
        }
        // Grouped in primary-key order, so that rows stream into their groups.
        var grouping: [String] = perUnit ? ["unit_id", "survey_id"] : ["survey_id"]
        let byPeriod = dimension == .month || dimension == .week
        if byPeriod { grouping += ["grain", "period"] }
        if rollupDimension != .all { grouping.append("value") }

        // Only the statement slots some survey uses are read.
        // The survey table is small: read it once for the slots worth summing and for naming them.
        let statementIDs: [UUID: [String]]
        if let known { statementIDs = known } else { statementIDs = try await SurveyStatements.ids(on: database) }
        let slots = min(RollupCounts.statementSlots, statementIDs.values.map(\.count).max() ?? 0)
        let counted = Array(RollupTable.countColumns.prefix(12 + slots * 6))
        var counts: [(unit: UUID?, survey: UUID, group: String?, counts: RollupCounts)] = []
        // One statement per grain, so that (unit, dimension, grain, period) is
        // a straight seek into the primary key for every unit and period.
        let byGrain = Dictionary(grouping: pieceGroup.keys, by: \.grain)
        for (table, tableUnits) in sources {
            for chunk in tableUnits.chunked(into: 500) {
                for (grain, pieces) in byGrain {
                    let rows = try await RollupRows.fetch(
                        grouping: grouping, counted: counted, units: Array(chunk), dimension: rollupDimension, grain: grain,
                        periods: pieces.map(\.period).sorted(), table: table, on: sql)
                    for row in rows {
                        var group: String?
                        if byPeriod {
                            group = pieceGroup[PeriodPiece(RollupGrain(rawValue: row.grain ?? 0) ?? .day, row.period ?? 0)]
                        } else if rollupDimension != .all {
                            group = row.value
                        }
                        counts.append((perUnit ? row.unit : root ?? chunk[0], row.survey, group,
                                       RollupCounts(values: row.counts + Array(repeating: 0, count: RollupCounts.width - row.counts.count))))
                    }
                }
            }
        }
        var tallies: [TallyQuery.Key: Tally] = [:]
        for row in counts {
            let key = TallyQuery.Key(unitID: row.unit ?? root ?? units[0], group: row.group)
            tallies[key, default: .empty].add(row.counts.tally(statementIDs: statementIDs[row.survey] ?? []))
        }
        return tallies
    }

}

/// The statement ids of surveys, in order, which name the rollups' slots
/// and the fields of `StatementValues`.
public enum SurveyStatements {
    /// Every survey's statement ids.
    public static func ids(on database: any Database) async throws -> [UUID: [String]] {
        try statementIDs(of: try await Survey.query(on: database).all())
    }

    public static func ids(for surveys: Set<UUID>, on database: any Database) async throws -> [UUID: [String]] {
        guard !surveys.isEmpty else { return [:] }
        return try statementIDs(of: try await Survey.query(on: database).filter(\.$id ~~ surveys).all())
    }

    /// The statement ids of surveys already read.
    static func statementIDs(of rows: [Survey]) throws -> [UUID: [String]] {
        var result: [UUID: [String]] = [:]
        for survey in rows { result[try survey.requireID()] = try survey.definition().statements.map(\.id) }
        return result
    }
}
