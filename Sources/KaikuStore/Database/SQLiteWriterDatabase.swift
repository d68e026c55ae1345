import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import SQLKit
import FluentSQLiteDriver

/// The group-commit writer's own SQLite connection, as an `SQLDatabase`
/// that runs every statement at once on the calling thread. Through
/// SQLiteNIO each statement of a commit was parsed anew and took a trip to
/// its thread pool and back through an event loop; a commit of seven
/// statements spent more time travelling between threads than in SQLite,
/// and that cycle capped how many answers a second went in (BENCHMARKS.md,
/// ingest). Here the statements are prepared once and kept, and the whole
/// transaction runs on the writer's own thread (`DedicatedTaskExecutor`).
///
/// Used by one writer at a time; the lock only makes misuse safe.
public final class SQLiteWriterDatabase: SQLDatabase, @unchecked Sendable {
    public let logger: Logger
    public let eventLoop: any EventLoop
    public var dialect: any SQLDialect { SQLiteDialect() }
    public var queryLogLevel: Logger.Level? { nil }

    private let connection: SQLiteDirectConnection
    private let lock = NIOLock()
    private var statements: [String: SQLiteDirectConnection.Statement] = [:]
    private let encoder = SQLiteDataEncoder()
    /// Bulk inserts and upserts differ by their number of rows; a few dozen
    /// shapes cover a busy day, and the cache starts again when full.
    static let cachedStatements = 128

    public init(path: String, logger: Logger, eventLoop: any EventLoop) throws {
        self.logger = logger
        self.eventLoop = eventLoop
        connection = try SQLiteDirectConnection(path: path, writable: true, create: true)
        // The same durability as the other connections (`SQLiteTuning`):
        // every commit is on disk before its callers are answered.
        try connection.execute("PRAGMA journal_mode=WAL")
        try connection.execute("PRAGMA synchronous=FULL")
        try connection.execute("PRAGMA foreign_keys=ON")
        // A statement of many rows keeps a journal of its own to undo itself
        // on failure; in a file that was an open() and writes per commit.
        try connection.execute("PRAGMA temp_store=MEMORY")
    }

    /// Runs the body inside one transaction that holds the write lock from
    /// its start (as `Database.writeTransaction` does), committing when the
    /// body returns and rolling back when it throws.
    public func writeTransaction<T: Sendable>(_ body: @Sendable (SQLiteWriterDatabase) async throws -> T) async throws -> T {
        try run("BEGIN IMMEDIATE", [])
        do {
            let result = try await body(self)
            try run("COMMIT", [])
            return result
        } catch {
            try? run("ROLLBACK", [])
            throw error
        }
    }

    /// Runs one statement with SQLite values, keeping it prepared.
    func run(_ sql: String, _ binds: [SQLiteData], onRow: ((SQLiteWriterRow) -> Void)? = nil) throws {
        try lock.withLock {
            let statement = try prepared(sql)
            defer { statement.clear() }
            for (index, value) in binds.enumerated() { statement.bind(value, at: Int32(index + 1)) }
            var columns: [String]?
            while try statement.step() {
                guard let onRow else { continue }
                let names = columns ?? (0..<statement.columnCount).map(statement.columnName)
                columns = names
                onRow(SQLiteWriterRow(columns: names, values: (0..<statement.columnCount).map(statement.data)))
            }
        }
    }

    /// The rows of one statement, by position.
    func rows(_ sql: String, _ binds: [SQLiteData]) throws -> [[SQLiteData]] {
        var rows: [[SQLiteData]] = []
        try run(sql, binds) { rows.append($0.values) }
        return rows
    }

    /// The rows, by position, of SQLite text with SQLite values on either of
    /// the two SQLite databases Kaiku has (this writer's or SQLiteNIO's);
    /// nil for any other database.
    static func rows(_ text: String, _ binds: [SQLiteData], on sql: any SQLDatabase) async throws -> [[SQLiteData]]? {
        if let direct = sql as? SQLiteWriterDatabase { return try direct.rows(text, binds) }
        if let sqlite = sql as? any SQLiteDatabase { return try await sqlite.query(text, binds).map { $0.columns.map(\.data) } }
        return nil
    }

    private func prepared(_ sql: String) throws -> SQLiteDirectConnection.Statement {
        if let statement = statements[sql] { return statement }
        if statements.count >= Self.cachedStatements { statements.removeAll() }
        let statement = try connection.prepare(sql)
        statements[sql] = statement
        return statement
    }

    /// An SQLKit query, its binds encoded as SQLiteKit encodes them.
    private func run(_ query: any SQLExpression, onRow: @escaping @Sendable (any SQLRow) -> ()) throws {
        let (sql, binds) = serialize(query)
        try run(sql, try binds.map { try encoder.encode($0) }) { onRow($0) }
    }

    public func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        try run(query, onRow: onRow)
    }

    public func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        do {
            try run(query, onRow: onRow)
            return eventLoop.makeSucceededVoidFuture()
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
    }
}

extension SQLiteWriterDatabase {
    /// The writer's connection for a SQLite file; nil for PostgreSQL and for
    /// an in-memory SQLite database, which no second connection can see.
    public static func open(_ location: DatabaseLocation, logger: Logger, eventLoop: any EventLoop) throws -> SQLiteWriterDatabase? {
        guard case .sqlite(let path) = location else { return nil }
        return try SQLiteWriterDatabase(path: path, logger: logger, eventLoop: eventLoop)
    }
}
