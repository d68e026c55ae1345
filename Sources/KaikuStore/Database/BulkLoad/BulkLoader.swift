import FluentKit
import FluentPostgresDriver
import Foundation
import SQLKit

/// Rows for one table, written by a `BulkLoader`. Each row is made when it
/// is written, so that a load holds its compact source data rather than
/// every value of every row at once.
public struct BulkTable: Sendable {
    public var name: String
    public var columns: [String]
    public var count: Int
    public var row: @Sendable (Int) -> [BulkValue]

    public init(name: String, columns: [String], count: Int, row: @escaping @Sendable (Int) -> [BulkValue]) {
        self.name = name
        self.columns = columns
        self.count = count
        self.row = row
    }

    public init(name: String, columns: [String], rows: [[BulkValue]]) {
        self.init(name: name, columns: columns, count: rows.count) { rows[$0] }
    }

    var rows: [[BulkValue]] { (0..<count).map(row) }
}

/// Fills tables with new rows as fast as each database can take them, for
/// `kaiku generate`: plain inserts of rows that are known not to exist yet.
public protocol BulkLoader: Sendable {
    /// Writes the tables' rows in one transaction: all or, if it fails, none.
    func write(_ tables: [BulkTable]) async throws
}

public enum BulkLoaders {
    /// SQLite files are written through a connection of the loader's own
    /// and SQLite's C interface, PostgreSQL with `COPY`; anything else
    /// (an in-memory SQLite) through multi-row INSERTs.
    public static func make(for location: DatabaseLocation, database: any Database) throws -> any BulkLoader {
        switch location {
        case .sqlite(let path):
            return try SQLiteBulkLoader(path: path)
        case .postgres:
            if let postgres = database as? any PostgresDatabase { return PostgresBulkLoader(database: postgres) }
            return SQLBulkLoader(database: database)
        case .sqliteMemory:
            return SQLBulkLoader(database: database)
        }
    }
}
