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
        by dimension: TallyQuery.Dimension?, perUnit: Bool = true, root: UUID? = nil, on database: any Database
    ) async throws -> [TallyQuery.Key: Tally] {
        guard !units.isEmpty, from <= to else { return [:] }
        let sql = database as! any SQLDatabase
        // Each piece of the period, and the group (month) it belongs to when grouping by month.
        var pieceGroup: [PeriodPiece: String] = [:]
        if dimension == .month {
            for bucket in PeriodCover.buckets(from: from, to: to, by: .month) {
                for piece in bucket.pieces { pieceGroup[piece] = String(format: "%04d-%02d", bucket.key / 100, bucket.key % 100) }
            }
        } else {
            for piece in PeriodCover.pieces(from: from, to: to) { pieceGroup[piece] = "" }
        }
        let rollupDimension: RollupDimension = switch dimension {
        case .channel: .channel
        case .language: .language
        case .month, nil: .all
        }
        var grouping: [String] = ["survey_id"]
        if perUnit { grouping.append("unit_id") }
        if dimension == .month { grouping += ["grain", "period"] }
        if rollupDimension != .all { grouping.append("value") }

        var counts: [(unit: UUID?, survey: UUID, group: String?, counts: RollupCounts)] = []
        for chunk in units.chunked(into: 500) {
            let select = sql.select()
            for column in grouping { select.column(SQLIdentifier(column)) }
            for column in RollupTable.countColumns {
                select.column(SQLFunction("SUM", args: SQLIdentifier(column)), as: column)
            }
            // The units are the organisation's own, so they keep tenants apart.
            select.from(RollupTable.name)
                .where("dimension", .equal, SQLBind(rollupDimension.rawValue))
                .where("unit_id", .in, SQLBind.group(Array(chunk)))
                .where(periodCondition(Array(pieceGroup.keys)))
            for column in grouping { select.groupBy(SQLIdentifier(column)) }
            for row in try await select.all() {
                let values = try RollupTable.countColumns.map { try row.decode(column: $0, as: Int?.self) ?? 0 }
                var group: String?
                if dimension == .month {
                    let piece = PeriodPiece(RollupGrain(rawValue: try row.decode(column: "grain", as: Int.self))!, try row.decode(column: "period", as: Int.self))
                    group = pieceGroup[piece]
                } else if rollupDimension != .all {
                    group = try row.decode(column: "value", as: String.self)
                }
                counts.append((perUnit ? try row.decode(column: "unit_id", as: UUID.self) : root ?? chunk[0],
                               try row.decode(column: "survey_id", as: UUID.self), group, RollupCounts(values: values)))
            }
        }
        let statementIDs = try await SurveyStatements.ids(for: Set(counts.map(\.survey)), on: database)
        var tallies: [TallyQuery.Key: Tally] = [:]
        for row in counts {
            let key = TallyQuery.Key(unitID: row.unit ?? root ?? units[0], group: row.group)
            tallies[key, default: .empty].add(row.counts.tally(statementIDs: statementIDs[row.survey] ?? []))
        }
        return tallies
    }

    /// `(grain = 3 AND period IN (…)) OR (grain = 2 AND …) OR …`
    static func periodCondition(_ pieces: [PeriodPiece]) -> any SQLExpression {
        let byGrain = Dictionary(grouping: pieces, by: \.grain)
        let parts: [any SQLExpression] = byGrain.keys.sorted { $0.rawValue > $1.rawValue }.map { grain in
            SQLGroupExpression(SQLBinaryExpression(
                SQLBinaryExpression(SQLIdentifier("grain"), .equal, SQLBind(grain.rawValue)), .and,
                SQLBinaryExpression(SQLIdentifier("period"), .in, SQLBind.group(byGrain[grain]!.map(\.period).sorted()))))
        }
        guard var condition = parts.first else { return SQLBinaryExpression(SQLLiteral.numeric("1"), .equal, SQLLiteral.numeric("0")) }
        for part in parts.dropFirst() { condition = SQLBinaryExpression(condition, .or, part) }
        return SQLGroupExpression(condition)
    }
}

/// The statement ids of surveys, in order, which name the rollups' slots
/// and the fields of `StatementValues`.
public enum SurveyStatements {
    public static func ids(for surveys: Set<UUID>, on database: any Database) async throws -> [UUID: [String]] {
        guard !surveys.isEmpty else { return [:] }
        let rows = try await Survey.query(on: database).filter(\.$id ~~ surveys).all()
        var result: [UUID: [String]] = [:]
        for survey in rows { result[try survey.requireID()] = try survey.definition().statements.map(\.id) }
        return result
    }
}
