import FluentKit
import Foundation
import KaikuCore
import SQLKit

/// Reads tallies per unit (and optionally per channel, language or month)
/// for a period. Each unit's tally covers only the answers routed to it;
/// `OrgTree.rollUp` adds them up the tree.
public enum TallyQuery {
    public enum Dimension: String, Sendable, CaseIterable {
        case channel, language, respondent, ageGroup, month, week

        var expression: String {
            switch self {
            case .channel: "r.channel"
            case .language: "r.language"
            // Rollups file an answer without them under "", so the scan does too.
            case .respondent: "COALESCE(r.respondent, '')"
            case .ageGroup: "COALESCE(r.age_group, '')"
            // local_day is yyyymmdd, so this is yyyymm on both dialects.
            case .month: "r.local_day / 100"
            // ISO weeks are not SQL arithmetic on either dialect: days are read and named in Swift.
            case .week: "r.local_day"
            }
        }

        /// The name of a month's or week's group, as every report shows it.
        public static func monthKey(_ yyyymm: Int) -> String { String(format: "%04d-%02d", yyyymm / 100, yyyymm % 100) }
        public static func weekKey(_ yyyyww: Int) -> String { String(format: "%04d-W%02d", yyyyww / 100, yyyyww % 100) }
    }

    public struct Key: Sendable, Hashable {
        public var unitID: UUID
        public var group: String?

        public init(unitID: UUID, group: String?) {
            self.unitID = unitID
            self.group = group
        }
    }

    public static func tallies(
        organisationID: UUID, units: [UUID], from: CalendarDay, to: CalendarDay,
        by dimension: Dimension?, on sql: any SQLDatabase
    ) async throws -> [Key: Tally] {
        guard !units.isEmpty else { return [:] }
        let group = dimension?.expression ?? "''"
        // PostgreSQL refuses a constant in GROUP BY, so the group only joins it when there is one.
        let groupBy = dimension.map { ", " + $0.expression } ?? ""
        var tallies: [Key: Tally] = [:]
        for chunk in units.chunked(into: 500) {
            let ids = chunk.map { SQLBind($0) }
            let responseRows = try await sql.raw("""
                SELECT r.unit_id AS unit_id, \(unsafeRaw: group) AS grp, r.recommendation AS score, COUNT(*) AS n
                FROM responses r
                WHERE r.organisation_id = \(bind: organisationID)
                  AND r.local_day BETWEEN \(bind: from.rawValue) AND \(bind: to.rawValue)
                  AND r.unit_id IN \(SQLGroupExpression(ids))
                GROUP BY r.unit_id\(unsafeRaw: groupBy), r.recommendation
                """).all()
            for row in responseRows {
                let key = Key(unitID: try row.decode(column: "unit_id", as: UUID.self), group: try groupKey(row, dimension))
                let n = try row.decode(column: "n", as: Int.self)
                tallies[key, default: .empty].responses += n
                if let score = try row.decode(column: "score", as: Int?.self), (0...10).contains(score) {
                    tallies[key, default: .empty].add(recommendation: score, count: n)
                }
            }
            // Statement values are one text per answer; equal texts are counted together and read here.
            let statementRows = try await sql.raw("""
                SELECT r.unit_id AS unit_id, \(unsafeRaw: group) AS grp, r.survey_id AS survey, r.statements AS statements, COUNT(*) AS n
                FROM responses r
                WHERE r.organisation_id = \(bind: organisationID)
                  AND r.local_day BETWEEN \(bind: from.rawValue) AND \(bind: to.rawValue)
                  AND r.unit_id IN \(SQLGroupExpression(ids))
                  AND r.statements IS NOT NULL
                GROUP BY r.unit_id\(unsafeRaw: groupBy), r.survey_id, r.statements
                """).all()
            let surveys = try Set(statementRows.map { try $0.decode(column: "survey", as: UUID.self) })
            let statementIDs = try await SurveyStatements.ids(for: surveys, on: sql as! any Database)
            for row in statementRows {
                let key = Key(unitID: try row.decode(column: "unit_id", as: UUID.self), group: try groupKey(row, dimension))
                let n = try row.decode(column: "n", as: Int.self)
                let values = StatementValues.decode(try row.decode(column: "statements", as: String.self),
                                                    statementIDs: statementIDs[try row.decode(column: "survey", as: UUID.self)] ?? [])
                for (question, value) in values where (0...5).contains(value) {
                    tallies[key, default: .empty].add(statement: question, value: value, count: n)
                }
            }
        }
        return tallies
    }

    private static func groupKey(_ row: any SQLRow, _ dimension: Dimension?) throws -> String? {
        switch dimension {
        case nil: return nil
        case .channel, .language, .respondent, .ageGroup: return try row.decode(column: "grp", as: String.self)
        case .month: return Dimension.monthKey(try row.decode(column: "grp", as: Int.self))
        case .week:
            let day = try row.decode(column: "grp", as: Int.self)
            return Dimension.weekKey(CalendarDay(rawValue: day)?.isoWeekKey ?? 0)
        }
    }
}
