import Foundation
import KaikuCore
import SQLKit

extension AnswerExport {
    /// PostgreSQL (any dialect but SQLite's): pages by (local_day, id), which
    /// the day index serves with an incremental sort per day.
    static func sqlBatch(_ selection: Selection, after cursor: Cursor?, codes: ExportCodes,
                         on sql: any SQLDatabase) async throws -> ([AnswerRecord], Cursor?) {
        var query: SQLQueryString = """
            SELECT \(idents: columns(selection), joinedBy: ", ") FROM responses
            WHERE organisation_id = \(bind: selection.organisationID)
              AND local_day BETWEEN \(bind: selection.from.rawValue) AND \(bind: selection.to.rawValue)
            """
        if let cursor, case .id(let id) = cursor.key {
            query += " AND (local_day, id) > (\(bind: cursor.day), \(bind: id))"
        }
        if let units = selection.units {
            query += " AND unit_id IN \(SQLGroupExpression(units.map { SQLBind($0) }))"
        }
        query += " ORDER BY local_day, id LIMIT \(literal: selection.batchSize)"
        let rows = try await sql.raw(query).all()
        var last: Cursor?
        let records = try rows.map { row -> AnswerRecord in
            let id = try row.decode(column: "id", as: UUID.self)
            let day = try row.decode(column: "local_day", as: Int.self)
            last = Cursor(day: day, key: .id(id))
            var record = AnswerRecord(
                id: id.uuidString, answeredAt: try row.decode(column: "answered_at", as: Date.self).timeIntervalSince1970, localDay: day,
                unit: codes.unit(try row.decode(column: "unit_id", as: UUID.self).uuidString),
                target: codes.target(try row.decode(column: "target_id", as: UUID.self).uuidString),
                channel: try row.decode(column: "channel", as: String.self), language: try row.decode(column: "language", as: String.self),
                respondent: try row.decode(column: "respondent", as: String?.self),
                ageGroup: try row.decode(column: "age_group", as: String?.self),
                serviceMode: try row.decode(column: "service_mode", as: String?.self),
                recommendation: try row.decode(column: "recommendation", as: Int?.self),
                survey: codes.statements.survey(key: try row.decode(column: "survey_id", as: UUID.self).uuidString),
                statements: try row.decode(column: "statements", as: String?.self))
            if selection.includeText {
                record.themes = try row.decode(column: "themes", as: String?.self)
                record.sentiment = try row.decode(column: "sentiment", as: String?.self)
                record.openText = try row.decode(column: "open_text", as: String?.self)
            }
            return record
        }
        return (records, last)
    }
}
