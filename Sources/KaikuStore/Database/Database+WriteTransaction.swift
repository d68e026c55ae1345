import FluentKit
import SQLKit

extension Database {
    /// A transaction that will write. On SQLite it takes the write lock with
    /// its first statement: Fluent begins a deferred transaction, and in WAL
    /// mode a deferred one that reads first and writes later fails with
    /// SQLITE_BUSY_SNAPSHOT (no busy timeout applies) whenever another
    /// connection committed in between — under concurrent submissions that
    /// was a 500. Taken first, the lock is waited for (busy_timeout) instead.
    /// PostgreSQL needs nothing of the kind.
    public func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await transaction { database in
            if let takeWriteLock = try database.flavour.takeWriteLock {
                try await database.sql.raw("\(unsafeRaw: takeWriteLock)").run()
            }
            return try await body(database)
        }
    }
}
