import FluentKit
import SQLKit

/// Rollups of whole subtrees, so that a report of a unit with hundreds of
/// units below it reads the rows of the unit and its children, not of every
/// unit in its subtree (`SubtreeRollups`).
struct M089_CreateSubtreeRollups: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("\(unsafeRaw: RollupTable.createStatement(RollupTable.subtreeName, postgres: sql.dialect.name == "postgresql"))").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(table: RollupTable.subtreeName).run()
    }
}
