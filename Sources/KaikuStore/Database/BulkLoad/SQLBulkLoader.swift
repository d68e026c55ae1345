import FluentKit
import SQLKit

/// Writes through Fluent's own connection with multi-row INSERTs: the way
/// that works on any database, used where no faster one is at hand.
struct SQLBulkLoader: BulkLoader {
    let database: any Database

    func write(_ tables: [BulkTable]) async throws {
        try await database.transaction { transaction in
            for table in tables where table.count > 0 {
                try await BulkInsert.run(into: table.name, columns: table.columns, rows: table.rows, on: transaction.sql)
            }
        }
    }
}
