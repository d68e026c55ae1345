import SQLKit
import FluentSQLiteDriver

/// A row read through `SQLiteWriterDatabase`, decoded as SQLiteKit decodes
/// its own rows.
struct SQLiteWriterRow: SQLRow {
    struct MissingColumn: Error, CustomStringConvertible {
        var column: String
        var description: String { "No column \(column) in the row" }
    }

    let columns: [String]
    let values: [SQLiteData]

    var allColumns: [String] { columns }

    func contains(column: String) -> Bool { columns.contains(column) }

    func decodeNil(column: String) throws -> Bool {
        guard let index = columns.firstIndex(of: column) else { return true }
        return values[index] == .null
    }

    func decode<D: Decodable>(column: String, as: D.Type) throws -> D {
        guard let index = columns.firstIndex(of: column) else { throw MissingColumn(column: column) }
        return try SQLiteDataDecoder().decode(D.self, from: values[index])
    }
}
