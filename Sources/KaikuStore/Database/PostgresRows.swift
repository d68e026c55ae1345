import FluentPostgresDriver
import SQLKit

/// Runs a query on PostgreSQL and returns PostgresNIO's own rows. SQLKit
/// wraps each row in a type that decodes by column name, which costs a
/// name lookup per cell; hot paths (exports, rollups) read these rows by
/// position instead, and bind whole arrays (`= ANY($1)`) instead of one
/// parameter per unit.
enum PostgresRows {
    /// `nil` when the database is not PostgreSQL.
    static func all(_ query: PostgresQuery, on sql: any SQLDatabase) async throws -> [PostgresRow]? {
        guard try sql.flavour == .postgres, let postgres = sql as? any PostgresDatabase else { return nil }
        let logger = postgres.logger
        return try await postgres.withConnection { connection in
            connection.query(query, logger: logger).map(\.rows)
        }.get()
    }

    /// Runs a prepared statement that returns no rows, on the connection of
    /// `sql` (the transaction's own inside one); PostgresNIO prepares it on
    /// that connection the first time.
    static func execute<Statement: PostgresPreparedStatement>(_ statement: Statement, on sql: any SQLDatabase) async throws where Statement.Row == () {
        guard try sql.flavour == .postgres, let postgres = sql as? any PostgresDatabase else {
            throw UnsupportedDatabaseError(found: String(describing: type(of: sql)))
        }
        let logger = postgres.logger
        try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                // Through its rows, which are none: PostgresNIO's command-tag
                // variant can trap when the tag comes before the stream ends.
                for try await _ in try await connection.execute(statement, logger: logger) {}
            }
        }.get()
    }
}
