import FluentKit
import Foundation
import KaikuCore
import SQLKit

/// Counts the answers stored before rollups existed into them, so that a
/// database from an earlier version reports the same figures after the
/// upgrade. On a new database there is nothing to count.
struct M023_BackfillRollups: AsyncMigration {
    static let pageSize = 5_000

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        var statementIDs: [UUID: [String]] = [:]
        for survey in try await Survey.query(on: database).all() {
            statementIDs[try survey.requireID()] = try survey.definition().statements.map(\.id)
        }
        let inlined = try await !Self.tableExists(StatementAnswer.schema, on: sql)
        var after: UUID?
        while true {
            let select = sql.select()
                .columns("id", "organisation_id", "unit_id", "survey_id", "local_day", "channel", "language", "respondent", "age_group", "recommendation")
                .from(FeedbackResponse.schema)
                .orderBy("id").limit(Self.pageSize)
            if let after { select.where("id", .greaterThan, SQLBind(after)) }
            let rows = try await select.all()
            guard !rows.isEmpty else { break }
            let ids = try rows.map { try $0.decode(column: "id", as: UUID.self) }
            var statements: [UUID: [String: Int]] = [:]
            if inlined {
                // Run again after M024 (an administrator re-counting): the values are on the rows.
                for answer in try await sql.select().columns("id", "survey_id", "statements").from(FeedbackResponse.schema)
                    .where("id", .in, SQLBind.group(ids)).all() {
                    statements[try answer.decode(column: "id", as: UUID.self)] = StatementValues.decode(
                        try answer.decode(column: "statements", as: String?.self),
                        statementIDs: statementIDs[try answer.decode(column: "survey_id", as: UUID.self)] ?? [])
                }
            } else {
                for answer in try await sql.select().columns("response_id", "question_id", "value").from(StatementAnswer.schema)
                    .where("response_id", .in, SQLBind.group(ids)).all() {
                    statements[try answer.decode(column: "response_id", as: UUID.self), default: [:]][try answer.decode(column: "question_id", as: String.self)]
                        = try answer.decode(column: "value", as: Int.self)
                }
            }
            var accumulator = RollupAccumulator()
            for row in rows {
                let id = try row.decode(column: "id", as: UUID.self)
                let survey = try row.decode(column: "survey_id", as: UUID.self)
                let order = statementIDs[survey] ?? []
                let given = statements[id] ?? [:]
                accumulator.add(RollupAnswer(
                    organisationID: try row.decode(column: "organisation_id", as: UUID.self), unitID: try row.decode(column: "unit_id", as: UUID.self),
                    surveyID: survey, day: CalendarDay(rawValue: try row.decode(column: "local_day", as: Int.self))!,
                    channel: try row.decode(column: "channel", as: String.self), language: try row.decode(column: "language", as: String.self),
                    respondent: try row.decode(column: "respondent", as: String?.self), ageGroup: try row.decode(column: "age_group", as: String?.self),
                    recommendation: try row.decode(column: "recommendation", as: Int?.self),
                    statements: order.enumerated().compactMap { slot, id in given[id].map { (slot, $0) } }))
            }
            let page = accumulator
            try await database.transaction { try await RollupStore.add(page, on: $0 as! any SQLDatabase) }
            after = ids.last
        }
    }

    static func tableExists(_ name: String, on sql: any SQLDatabase) async throws -> Bool {
        let rows = sql.dialect.name == "postgresql"
            ? try await sql.raw("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = \(bind: name)").all()
            : try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name = \(bind: name)").all()
        return !rows.isEmpty
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).delete(from: RollupTable.name).run()
    }
}
