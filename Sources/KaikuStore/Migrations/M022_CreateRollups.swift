import FluentKit
import SQLKit

/// Pre-aggregated counts that reports read instead of scanning answers,
/// kept up to date in the same transaction that stores the answers.
///
/// The key leads with what every report filters on (unit, dimension, grain,
/// period), so a report seeks straight to its rows. On SQLite the table is
/// `WITHOUT ROWID`: it is its own primary-key index instead of a table plus
/// an index holding the same keys again.
struct M022_CreateRollups: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let postgres = sql.dialect.name == "postgresql"
        let uuid = postgres ? "UUID" : "TEXT"
        let counts = RollupTable.countColumns.map { "\($0) INTEGER NOT NULL DEFAULT 0" }.joined(separator: ", ")
        try await sql.raw("""
            CREATE TABLE \(unsafeRaw: RollupTable.name) (
                unit_id \(unsafeRaw: uuid) NOT NULL, dimension TEXT NOT NULL, grain SMALLINT NOT NULL, period INTEGER NOT NULL,
                survey_id \(unsafeRaw: uuid) NOT NULL, value TEXT NOT NULL, \(unsafeRaw: counts),
                PRIMARY KEY (\(unsafeRaw: RollupTable.keyColumns.joined(separator: ", "))))\(unsafeRaw: postgres ? "" : " WITHOUT ROWID")
            """).run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(table: RollupTable.name).run()
    }
}
