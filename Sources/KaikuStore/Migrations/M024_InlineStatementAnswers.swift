import FluentKit
import Foundation
import SQLKit

/// Moves statement answers from their own table (a row per statement, the
/// largest table by far) onto the response row as `StatementValues`, then
/// drops the table. Answers stored before are carried over.
struct M024_InlineStatementAnswers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(FeedbackResponse.schema).field("statements", .string).update()
        let sql = database as! any SQLDatabase
        var orders: [UUID: [String]] = [:]
        for survey in try await Survey.query(on: database).all() {
            orders[try survey.requireID()] = try survey.definition().statements.map(\.id)
        }
        let statementIDs = orders
        var after: UUID?
        while true {
            let select = sql.select().columns("id", "survey_id").from(FeedbackResponse.schema).orderBy("id").limit(5_000)
            if let after { select.where("id", .greaterThan, SQLBind(after)) }
            let rows = try await select.all()
            guard !rows.isEmpty else { break }
            let surveys = try Dictionary(uniqueKeysWithValues: rows.map {
                (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "survey_id", as: UUID.self))
            })
            var given: [UUID: [(String, Int)]] = [:]
            for answer in try await sql.select().columns("response_id", "question_id", "value").from(StatementAnswer.schema)
                .where("response_id", .in, SQLBind.group(Array(surveys.keys))).all() {
                given[try answer.decode(column: "response_id", as: UUID.self), default: []]
                    .append((try answer.decode(column: "question_id", as: String.self), try answer.decode(column: "value", as: Int.self)))
            }
            let page = given
            try await database.transaction { db in
                for (id, answers) in page {
                    let order = statementIDs[surveys[id]!] ?? []
                    let slots = answers.compactMap { question, value in order.firstIndex(of: question).map { ($0, value) } }
                    try await (db as! any SQLDatabase).update(FeedbackResponse.schema)
                        .set("statements", to: SQLBind(StatementValues.encode(slots, count: order.count)))
                        .where("id", .equal, SQLBind(id)).run()
                }
            }
            after = try rows.last!.decode(column: "id", as: UUID.self)
        }
        try await database.schema(StatementAnswer.schema).delete()
    }

    func revert(on database: any Database) async throws {
        try await M006_CreateStatementAnswers().prepare(on: database)
        try await database.schema(FeedbackResponse.schema).deleteField("statements").update()
    }
}
