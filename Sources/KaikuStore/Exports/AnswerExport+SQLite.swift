import FluentSQLiteDriver
import Foundation
import KaikuCore

extension AnswerExport {
    /// SQLite reads the rows by position and pages by rowid: the day index
    /// holds (organisation, day, rowid), so each batch is a range scan that
    /// starts where the last one stopped, with no sort.
    static func sqliteBatch(_ selection: Selection, after cursor: Cursor?, codes: ExportCodes,
                            on sqlite: any SQLiteDatabase) async throws -> ([AnswerRecord], Cursor?) {
        var text = "SELECT rowid, " + columns(selection).joined(separator: ", ")
            + " FROM responses WHERE organisation_id = ? AND local_day BETWEEN ? AND ?"
        var binds: [SQLiteData] = [.text(selection.organisationID.uuidString), .integer(selection.from.rawValue), .integer(selection.to.rawValue)]
        if let cursor, case .rowid(let rowid) = cursor.key {
            text += " AND (local_day, rowid) > (?, ?)"
            binds += [.integer(cursor.day), .integer(rowid)]
        }
        if let units = selection.units {
            text += " AND unit_id IN (" + Array(repeating: "?", count: units.count).joined(separator: ",") + ")"
            binds += units.map { .text($0.uuidString) }
        }
        text += " ORDER BY local_day, rowid LIMIT \(selection.batchSize)"
        let rows = try await sqlite.query(text, binds)
        var last: Cursor?
        let records = rows.map { row -> AnswerRecord in
            let data = row.columns.map(\.data)
            let day = data[3].integer ?? 0
            last = Cursor(day: day, key: .rowid(data[0].integer ?? 0))
            var record = AnswerRecord(
                id: data[1].string ?? "", answeredAt: seconds(data[2]), localDay: day,
                unit: codes.unit(data[4].string ?? ""), target: codes.target(data[5].string ?? ""),
                channel: data[7].string ?? "", language: data[8].string ?? "",
                respondent: data[9].string, ageGroup: data[10].string, serviceMode: data[11].string,
                recommendation: data[12].integer, survey: data[6].string.flatMap(codes.statements.survey(key:)),
                statements: data[13].string)
            if selection.includeText {
                record.themes = data[14].string
                record.sentiment = data[15].string
                record.openText = data[16].string
            }
            return record
        }
        return (records, last)
    }

    /// Dates are stored as seconds since 1970 (`BulkValue.date`); text is what an older writer may have left.
    private static func seconds(_ data: SQLiteData) -> Double {
        switch data {
        case .float(let value): value
        case .integer(let value): Double(value)
        default: Date(sqliteData: data)?.timeIntervalSince1970 ?? 0
        }
    }
}
