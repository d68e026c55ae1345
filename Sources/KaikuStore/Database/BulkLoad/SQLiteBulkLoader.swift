import Foundation
import NIOPosix
import VaporCSQLite

/// Writes to a SQLite file through a connection of its own, one prepared
/// single-row INSERT per table stepped for every row: no SQL text to build
/// or parse per row and no hop through an event loop.
final class SQLiteBulkLoader: BulkLoader, @unchecked Sendable {
    private let connection: SQLiteDirectConnection
    private var statements: [String: SQLiteDirectConnection.Statement] = [:]
    /// One write at a time; the thread pool may run them on different threads.
    private let lock = NSLock()

    init(path: String) throws {
        connection = try SQLiteDirectConnection(path: path, writable: true)
        // A crash mid-way means generating again, so commits need not wait
        // for the disk; the larger cache keeps the indexes being built in memory.
        try connection.execute("PRAGMA synchronous=OFF")
        try connection.execute("PRAGMA cache_size=-65536")
        try connection.execute("PRAGMA foreign_keys=ON")
    }

    func write(_ tables: [BulkTable]) async throws {
        try await NIOThreadPool.singleton.runIfActive { try self.writeNow(tables) }
    }

    private func writeNow(_ tables: [BulkTable]) throws {
        lock.lock()
        defer { lock.unlock() }
        try connection.execute("BEGIN IMMEDIATE")
        do {
            for table in tables where table.count > 0 {
                let statement = try insert(into: table)
                for index in 0..<table.count {
                    defer { statement.reset() }
                    for (column, value) in table.row(index).enumerated() { statement.bind(value.direct, at: Int32(column + 1)) }
                    _ = try statement.step()
                }
            }
            try connection.execute("COMMIT")
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
    }

    private func insert(into table: BulkTable) throws -> SQLiteDirectConnection.Statement {
        let key = table.name + "(" + table.columns.joined(separator: ",") + ")"
        if let statement = statements[key] { return statement }
        let marks = Array(repeating: "?", count: table.columns.count).joined(separator: ",")
        let statement = try connection.prepare("INSERT INTO \(table.name) (\(table.columns.joined(separator: ", "))) VALUES (\(marks))")
        statements[key] = statement
        return statement
    }
}

extension BulkValue {
    /// As `sqlite`, the values SQLiteKit stores for the same Swift values.
    var direct: SQLiteDirectConnection.Statement.Value {
        switch self {
        case .int(let value): .integer(value)
        case .text(let value): .text(value)
        case .double(let value): .double(value)
        case .uuid(let value): .text(value.upperText)
        case .date(let value): .double(value.timeIntervalSince1970)
        case .bool(let value): .integer(value ? 1 : 0)
        case .null, .nullInt: .null
        }
    }
}
