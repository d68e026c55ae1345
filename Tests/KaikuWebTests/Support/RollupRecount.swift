import FluentKit
import SQLKit
import XCTVapor
@testable import KaikuStore

/// Counts every rollup again from the answers, as an upgrade does, for tests
/// that write answers' days or themes straight into the table, past the
/// writers that keep the rollups.
enum RollupRecount {
    static func run(_ app: Application) async throws {
        let sql = try app.db.sql
        try await sql.delete(from: RollupTable.name).run()
        try await sql.delete(from: RollupTable.subtreeName).run()
        try await M023_BackfillRollups().prepare(on: app.db)
        try await M090_BackfillSubtreeRollups().prepare(on: app.db)
        try await M091_BackfillThemeRollups().prepare(on: app.db)
    }
}
