import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import SQLKit

extension Databases {
    /// Registers Kaiku's database as the default one.
    public func useKaiku(_ location: DatabaseLocation) throws {
        switch location {
        case .sqlite(let path):
            use(.sqlite(.file(path)), as: .sqlite)
        case .sqliteMemory:
            use(.sqlite(.memory), as: .sqlite)
        case .postgres(let url):
            var configuration = try SQLPostgresConfiguration(url: url)
            configuration.searchPath = nil
            use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: 4), as: .psql)
        }
    }
}

/// Settings that SQLite keeps per connection. fluent-sqlite-driver opens one
/// connection per event loop and offers no hook, so they are applied to each
/// loop's connection once at start-up.
public enum SQLiteTuning {
    public static func apply(to databases: Databases, eventLoops: [any EventLoop], logger: Logger) async throws {
        for loop in eventLoops {
            guard let database = try databases.database(logger: logger, on: loop)?.sql, try database.flavour == .sqlite else { return }
            // WAL lets reports read while answers are written; FULL keeps every
            // commit durable, and group commit keeps that affordable.
            try await database.raw("PRAGMA journal_mode=WAL").run()
            try await database.raw("PRAGMA synchronous=FULL").run()
            try await database.raw("PRAGMA foreign_keys=ON").run()
            // Connections of other event loops write too: wait for their lock rather than fail at once.
            try await database.raw("PRAGMA busy_timeout=5000").run()
        }
    }

    /// For filling an empty database in bulk (`kaiku generate`): commits
    /// wait for the WAL write only, and a larger page cache keeps the
    /// indexes being built in memory. A crash mid-way means generating again.
    public static func bulkLoad(_ databases: Databases, eventLoops: [any EventLoop], logger: Logger) async throws {
        for loop in eventLoops {
            guard let database = try databases.database(logger: logger, on: loop)?.sql, try database.flavour == .sqlite else { return }
            try await database.raw("PRAGMA synchronous=NORMAL").run()
            try await database.raw("PRAGMA cache_size=-131072").run()
        }
    }
}
