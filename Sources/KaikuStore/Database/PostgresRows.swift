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
}
