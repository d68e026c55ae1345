import FluentKit
import Foundation
import FluentPostgresDriver
import FluentSQLiteDriver
import SQLKit

/// A value in a bulk insert, typed up front so that SQLite gets it without
/// the per-value `Encodable` round trip of SQLKit's binds, which was most of
/// the cost of writing answers and rollups in bulk.
public enum BulkValue: Sendable {
    case int(Int)
    case text(String)
    case double(Double)
    case uuid(UUID)
    case date(Date)
    case bool(Bool)
    case null
    /// A missing number: PostgreSQL needs to know a bound null is not text.
    case nullInt

    public static func text(_ value: String?) -> BulkValue { value.map(BulkValue.text) ?? .null }
    public static func int(_ value: Int?) -> BulkValue { value.map(BulkValue.int) ?? .nullInt }

    /// As SQLiteKit stores the same Swift values through Fluent, so rows read back alike.
    var sqlite: SQLiteData {
        switch self {
        case .int(let value): .integer(value)
        case .text(let value): .text(value)
        case .double(let value): .float(value)
        case .uuid(let value): .text(value.uuidString)
        case .date(let value): .float(value.timeIntervalSince1970)
        case .bool(let value): .integer(value ? 1 : 0)
        case .null, .nullInt: .null
        }
    }

    var bind: SQLBind {
        switch self {
        case .int(let value): SQLBind(value)
        case .text(let value): SQLBind(value)
        case .double(let value): SQLBind(value)
        case .uuid(let value): SQLBind(value)
        case .date(let value): SQLBind(value)
        case .bool(let value): SQLBind(value)
        case .null: SQLBind(Optional<String>.none)
        case .nullInt: SQLBind(Optional<Int>.none)
        }
    }
}

/// Multi-row INSERTs, optionally adding to the counts of rows that exist
/// (`ON CONFLICT … DO UPDATE SET c = c + excluded.c`). On SQLite the
/// statement text is built once per shape and the values go in as they
/// are; on PostgreSQL each column goes in as one array (`PostgresArrayInsert`).
public enum BulkInsert {
    /// SQLite allows 32,766 bound values in one statement.
    static let maxBinds = 32_000

    public static func run(
        into table: String, columns: [String], rows: [[BulkValue]], addingOnConflict conflict: (keys: [String], added: [String])? = nil,
        on sql: any SQLDatabase
    ) async throws {
        guard !rows.isEmpty else { return }
        let perStatement = max(1, maxBinds / columns.count)
        let flavour = try sql.flavour
        let conflictClause = conflict.map { flavour.onConflictAdding(table: table, keys: $0.keys, added: $0.added) } ?? ""
        if flavour == .sqlite, sql is SQLiteWriterDatabase || sql is any SQLiteDatabase {
            let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
            let suffix = conflictClause
            var statements: [Int: String] = [:]
            for chunk in rows.chunked(into: perStatement) {
                let text = statements[chunk.count] ?? {
                    let text = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
                        + Array(repeating: row, count: chunk.count).joined(separator: ",") + suffix
                    statements[chunk.count] = text
                    return text
                }()
                var binds: [SQLiteData] = []
                binds.reserveCapacity(chunk.count * columns.count)
                for values in chunk { for value in values { binds.append(value.sqlite) } }
                _ = try await SQLiteWriterDatabase.rows(text, binds, on: sql)
            }
            return
        }
        if flavour == .postgres, sql is any PostgresDatabase {
            // The arrays are single parameters, so only memory bounds the rows per statement.
            for chunk in rows.chunked(into: 5_000) {
                var insert = PostgresArrayInsert()
                try insert.add(.init(table: table, columns: columns, conflictClause: conflictClause), rows: chunk)
                try await insert.run(on: sql)
            }
            return
        }
        for chunk in rows.chunked(into: perStatement) {
            let insert = sql.insert(into: table).columns(columns)
            for values in chunk { insert.values(values.map(\.bind)) }
            if let conflict {
                insert.onConflict(with: conflict.keys) { update in
                    for column in conflict.added {
                        update.set(SQLIdentifier(column), to: SQLBinaryExpression(SQLColumn(column, table: table), .add, SQLExcludedColumn(column)))
                    }
                    return update
                }
            }
            try await insert.run()
        }
    }
}
