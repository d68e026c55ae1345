import Foundation
// SQLiteNIO's own copy of SQLite (symbols prefixed `sqlite_nio_`). It is not
// a product of sqlite-nio, but its module is visible to every target that
// links SQLiteNIO, and using it keeps one SQLite in the process.
import VaporCSQLite

/// A connection of its own to a SQLite file, stepped through SQLite's C
/// interface. SQLiteNIO hands every row to an event loop as an array of enum
/// values with its column names, which costs more than SQLite's own work
/// when an export reads millions of rows or a generator writes them.
///
/// Not thread-safe: its user calls it from one thread at a time.
final class SQLiteDirectConnection: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private var handle: OpaquePointer?

    /// `create` makes the file when it is missing, as Fluent's connections do.
    init(path: String, writable: Bool = false, create: Bool = false) throws {
        let access = writable ? SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) : SQLITE_OPEN_READONLY
        let flags = access | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_PRIVATECACHE
        guard sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK else {
            defer { sqlite_nio_sqlite3_close_v2(handle) }
            throw Failure(description: "Cannot open \(path)\(writable ? "" : " for reading"): \(message)")
        }
        // No memory map: mapped pages count as the server's own memory, and
        // measured with one an export was barely faster (4.2 s against 4.7 s
        // for 820,000 rows) while holding 930 MB instead of 56 MB.
        sqlite_nio_sqlite3_busy_timeout(handle, 5_000)
    }

    deinit {
        sqlite_nio_sqlite3_close_v2(handle)
    }

    fileprivate var message: String {
        sqlite_nio_sqlite3_errmsg(handle).map { String(cString: $0) } ?? "unknown error"
    }

    /// Runs statements that return no rows, such as `BEGIN` or a `PRAGMA`.
    func execute(_ sql: String) throws {
        guard sqlite_nio_sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else {
            throw Failure(description: "A statement failed: \(message)")
        }
    }

    func prepare(_ sql: String) throws -> Statement {
        var statement: OpaquePointer?
        guard sqlite_nio_sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw Failure(description: "Cannot prepare a query: \(message)")
        }
        return Statement(statement, connection: self)
    }

    /// A prepared statement. Column accessors read the current row, which
    /// stays valid until the next `step()`.
    final class Statement {
        let statement: OpaquePointer
        private let connection: SQLiteDirectConnection
        /// SQLite copies bound text at once (`SQLITE_TRANSIENT`).
        static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

        fileprivate init(_ statement: OpaquePointer, connection: SQLiteDirectConnection) {
            self.statement = statement
            self.connection = connection
        }

        deinit {
            sqlite_nio_sqlite3_finalize(statement)
        }

        /// Binds in order, from parameter 1.
        func bind(_ values: [Value]) {
            for (index, value) in values.enumerated() { bind(value, at: Int32(index + 1)) }
        }

        func bind(_ value: Value, at position: Int32) {
            switch value {
            case .integer(let number): sqlite_nio_sqlite3_bind_int64(statement, position, Int64(number))
            case .double(let number): sqlite_nio_sqlite3_bind_double(statement, position, number)
            case .text(let text): sqlite_nio_sqlite3_bind_text(statement, position, text, -1, Self.transient)
            case .null: sqlite_nio_sqlite3_bind_null(statement, position)
            }
        }

        enum Value {
            case integer(Int)
            case double(Double)
            case text(String)
            case null
        }

        /// Makes the statement ready to run again with new binds.
        func reset() {
            sqlite_nio_sqlite3_reset(statement)
        }

        /// Resets and forgets the binds, so a cached statement holds no values between uses.
        func clear() {
            sqlite_nio_sqlite3_reset(statement)
            sqlite_nio_sqlite3_clear_bindings(statement)
        }

        var columnCount: Int32 { sqlite_nio_sqlite3_column_count(statement) }

        func columnName(_ column: Int32) -> String {
            sqlite_nio_sqlite3_column_name(statement, column).map { String(cString: $0) } ?? ""
        }

        /// True when a row is ready, false when the query is done.
        func step() throws -> Bool {
            switch sqlite_nio_sqlite3_step(statement) {
            case SQLITE_ROW: return true
            case SQLITE_DONE: return false
            default: throw Failure(description: "A query failed: \(connection.message)")
            }
        }

        func isNull(_ column: Int32) -> Bool {
            sqlite_nio_sqlite3_column_type(statement, column) == SQLITE_NULL
        }

        func isText(_ column: Int32) -> Bool {
            sqlite_nio_sqlite3_column_type(statement, column) == SQLITE_TEXT
        }

        func integer(_ column: Int32) -> Int? {
            isNull(column) ? nil : Int(sqlite_nio_sqlite3_column_int64(statement, column))
        }

        func double(_ column: Int32) -> Double {
            sqlite_nio_sqlite3_column_double(statement, column)
        }

        func text(_ column: Int32) -> String? {
            guard let bytes = bytes(column) else { return nil }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// The column's text without copying it into a `String`.
        func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8>? {
            guard let pointer = sqlite_nio_sqlite3_column_text(statement, column) else { return nil }
            return UnsafeBufferPointer(start: pointer, count: Int(sqlite_nio_sqlite3_column_bytes(statement, column)))
        }
    }
}
