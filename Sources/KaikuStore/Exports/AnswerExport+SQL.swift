import FluentPostgresDriver
import Foundation
import KaikuCore
import SQLKit

extension AnswerExport {
    /// PostgreSQL (any dialect but SQLite's, and SQLite in memory): pages by
    /// (local_day, id), which the day index serves with an incremental sort
    /// per day.
    static func sqlBatch(_ selection: Selection, after cursor: Cursor?, codes: ExportCodes,
                         on sql: any SQLDatabase) async throws -> ([AnswerRecord], Cursor?) {
        var surveys = SurveyIndexCache(codes: codes)
        var records: [AnswerRecord] = []
        records.reserveCapacity(selection.batchSize)
        if let rows = try await PostgresRows.all(postgresQuery(selection, after: cursor), on: sql) {
            for row in rows { records.append(try record(row, selection, codes, &surveys)) }
        } else {
            for row in try await sql.raw(sqlQuery(selection, after: cursor)).all() {
                records.append(try record(byName: row, selection, codes, &surveys))
            }
        }
        let last = records.last.map { Cursor(day: $0.localDay, key: .id(UUID(uuidString: $0.id)!)) }
        return (records, last)
    }

    private static func postgresQuery(_ selection: Selection, after cursor: Cursor?) -> PostgresQuery {
        var binds = PostgresBindings()
        binds.append(selection.organisationID)
        binds.append(selection.from.rawValue)
        binds.append(selection.to.rawValue)
        var text = "SELECT " + columns(selection).joined(separator: ", ")
            + " FROM responses WHERE organisation_id = $1 AND local_day BETWEEN $2 AND $3"
        if let cursor, case .id(let id) = cursor.key {
            binds.append(cursor.day)
            binds.append(id)
            text += " AND (local_day, id) > ($\(binds.count - 1), $\(binds.count))"
        }
        if let units = selection.units {
            binds.append(units)
            text += " AND " + SQLFlavour.postgres.column("unit_id", in: units.count, parameter: binds.count)
        }
        text += " ORDER BY local_day, id LIMIT \(selection.batchSize)"
        return PostgresQuery(unsafeSQL: text, binds: binds)
    }

    private static func sqlQuery(_ selection: Selection, after cursor: Cursor?) -> SQLQueryString {
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
        return query
    }

    /// Survey ids come few and often: each is looked up once a batch.
    private struct SurveyIndexCache {
        let codes: ExportCodes
        var known: [UUID: Int?] = [:]

        mutating func index(_ id: UUID) -> Int? {
            if let index = known[id] { return index }
            let index = codes.statements.survey(key: id.uuidString)
            known[id] = index
            return index
        }
    }

    /// In the order of `columns(selection)`, walking the row's cells once and
    /// reading each from its bytes (`PostgresCell+Binary`): decoding by column
    /// name looks every name up in every row, and PostgresNIO's generic
    /// decoding looks up type metadata for every cell.
    private static func record(_ row: PostgresRow, _ selection: Selection, _ codes: ExportCodes,
                               _ surveys: inout SurveyIndexCache) throws -> AnswerRecord {
        var cells = row.makeIterator()
        func next() throws -> PostgresCell {
            guard let cell = cells.next() else { throw ExportRowError.missingColumn }
            return cell
        }
        let id = try next().readUUID(), answeredAt = try next().readSecondsSince1970(), localDay = try next().readInt()
        let unit = try next().readUUID(), target = try next().readUUID(), survey = try next().readUUID()
        var record = AnswerRecord(
            id: id.upperText, answeredAt: answeredAt, localDay: localDay, unit: codes.unit(unit), target: codes.target(target),
            channel: try next().readString(), language: try next().readString(),
            respondent: try next().readOptionalString(), ageGroup: try next().readOptionalString(),
            serviceMode: try next().readOptionalString(), recommendation: try next().readOptionalInt(),
            survey: surveys.index(survey), statements: try next().readOptionalString())
        if selection.includeText {
            record.themes = try next().readOptionalString()
            record.sentiment = try next().readOptionalString()
            record.openText = try next().readOptionalString()
        }
        return record
    }

    enum ExportRowError: Error { case missingColumn }

    /// SQLite in memory, through SQLKit.
    private static func record(byName row: any SQLRow, _ selection: Selection, _ codes: ExportCodes,
                               _ surveys: inout SurveyIndexCache) throws -> AnswerRecord {
        var record = AnswerRecord(
            id: try row.decode(column: "id", as: UUID.self).uuidString,
            answeredAt: try row.decode(column: "answered_at", as: Date.self).timeIntervalSince1970,
            localDay: try row.decode(column: "local_day", as: Int.self),
            unit: codes.unit(try row.decode(column: "unit_id", as: UUID.self)),
            target: codes.target(try row.decode(column: "target_id", as: UUID.self)),
            channel: try row.decode(column: "channel", as: String.self), language: try row.decode(column: "language", as: String.self),
            respondent: try row.decode(column: "respondent", as: String?.self),
            ageGroup: try row.decode(column: "age_group", as: String?.self),
            serviceMode: try row.decode(column: "service_mode", as: String?.self),
            recommendation: try row.decode(column: "recommendation", as: Int?.self),
            survey: surveys.index(try row.decode(column: "survey_id", as: UUID.self)),
            statements: try row.decode(column: "statements", as: String?.self))
        if selection.includeText {
            record.themes = try row.decode(column: "themes", as: String?.self)
            record.sentiment = try row.decode(column: "sentiment", as: String?.self)
            record.openText = try row.decode(column: "open_text", as: String?.self)
        }
        return record
    }
}
