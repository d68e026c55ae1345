import NIOCore
import FluentSQLiteDriver
import VaporCSQLite

extension SQLiteDirectConnection.Statement {
    /// Binds a value as SQLiteNIO would, so rows written here read back
    /// exactly like rows written through Fluent.
    func bind(_ data: SQLiteData, at position: Int32) {
        switch data {
        case .integer(let number): sqlite_nio_sqlite3_bind_int64(statement, position, Int64(number))
        case .float(let number): sqlite_nio_sqlite3_bind_double(statement, position, number)
        case .text(let text): sqlite_nio_sqlite3_bind_text(statement, position, text, -1, Self.transient)
        case .blob(let buffer):
            buffer.withUnsafeReadableBytes { bytes in
                _ = sqlite_nio_sqlite3_bind_blob(statement, position, bytes.baseAddress, Int32(bytes.count), Self.transient)
            }
        case .null: sqlite_nio_sqlite3_bind_null(statement, position)
        }
    }

    /// The current row's value in `column`, typed as SQLite stored it.
    func data(_ column: Int32) -> SQLiteData {
        switch sqlite_nio_sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(SQLiteInt64(sqlite_nio_sqlite3_column_int64(statement, column)))
        case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(statement, column))
        case SQLITE_TEXT: return .text(text(column) ?? "")
        case SQLITE_BLOB:
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            var buffer = ByteBufferAllocator().buffer(capacity: count)
            if let pointer = sqlite_nio_sqlite3_column_blob(statement, column), count > 0 {
                buffer.writeBytes(UnsafeRawBufferPointer(start: pointer, count: count))
            }
            return .blob(buffer)
        default: return .null
        }
    }
}
