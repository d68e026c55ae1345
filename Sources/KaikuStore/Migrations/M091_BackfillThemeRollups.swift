import FluentKit
import Foundation
import KaikuCore
import SQLKit

/// Counts the themes and sentiment of the open text already stored into the
/// rollups' `themes` dimension (own and subtree rows), so that dashboards
/// and reports read theme figures from the rollups from now on.
struct M091_BackfillThemeRollups: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sql
        // A unit at a time, so that a database of millions of answers is counted in little memory.
        let units = try await sql.select().column("id").from(OrgUnit.schema).all().map { try $0.decode(column: "id", as: UUID.self) }
        for unit in units {
            let rows = try await sql.raw("""
                SELECT organisation_id, survey_id, local_day, themes, sentiment, COUNT(*) AS n
                FROM \(ident: FeedbackResponse.schema)
                WHERE unit_id = \(bind: unit) AND open_text IS NOT NULL AND themes IS NOT NULL
                GROUP BY organisation_id, survey_id, local_day, themes, sentiment
                """).all()
            guard !rows.isEmpty else { continue }
            var accumulator = RollupAccumulator()
            for row in rows {
                guard let day = CalendarDay(rawValue: try row.decode(column: "local_day", as: Int.self)),
                      let value = ThemeRollupValue(openText: true, themes: try row.decode(column: "themes", as: String?.self),
                                                   sentiment: try row.decode(column: "sentiment", as: String?.self)) else { continue }
                var counts = RollupCounts()
                counts.add(responses: try row.decode(column: "n", as: Int.self))
                accumulator.add([RollupKey(organisationID: try row.decode(column: "organisation_id", as: UUID.self), unitID: unit,
                                           surveyID: try row.decode(column: "survey_id", as: UUID.self),
                                           piece: PeriodPiece(.day, day.rawValue), dimension: .themes, value: value.rawValue): counts])
            }
            accumulator.addingCoarserGrains()
            let counted = accumulator
            try await database.writeTransaction { try await RollupStore.add(counted, on: $0.sql) }
        }
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).delete(from: RollupTable.name).where("dimension", .equal, SQLBind(RollupDimension.themes.rawValue)).run()
        try await (database as! any SQLDatabase).delete(from: RollupTable.subtreeName).where("dimension", .equal, SQLBind(RollupDimension.themes.rawValue)).run()
    }
}
