import FluentKit
import Foundation
import KaikuCore
import SQLKit

/// Writes rollup rows by adding to what is there, so that any number of
/// writers can add answers to the same row and the sums stay exact.
public enum RollupStore {
    /// Rows per INSERT: at 90 bound values a row this stays under SQLite's 32,766.
    static let rowsPerStatement = 300

    /// Adds the accumulated rows. Call inside the transaction that stores the
    /// answers. Rows go in key order so that concurrent writers on PostgreSQL
    /// lock them in the same order and never deadlock.
    public static func add(_ accumulator: RollupAccumulator, on sql: any SQLDatabase) async throws {
        guard !accumulator.isEmpty else { return }
        let rows = accumulator.rows
            .map { (order: "\($0.key.unitID.uuidString)|\($0.key.dimension.rawValue)|\($0.key.piece)|\($0.key.surveyID.uuidString)|\($0.key.value)", row: $0) }
            .sorted { $0.order < $1.order }
            .map(\.row)
        let columns = RollupTable.keyColumns + RollupTable.countColumns
        for chunk in rows.chunked(into: rowsPerStatement) {
            let insert = sql.insert(into: RollupTable.name).columns(columns)
            for (key, counts) in chunk {
                insert.values([
                    SQLBind(key.unitID), SQLBind(key.dimension.rawValue), SQLBind(key.piece.grain.rawValue),
                    SQLBind(key.piece.period), SQLBind(key.surveyID), SQLBind(key.value),
                ] + counts.values.map { SQLBind($0) })
            }
            insert.onConflict(with: RollupTable.keyColumns) { update in
                for column in RollupTable.countColumns {
                    update.set(SQLIdentifier(column), to: SQLBinaryExpression(SQLColumn(column, table: RollupTable.name), .add, SQLExcludedColumn(column)))
                }
                return update
            }
            try await insert.run()
        }
    }
}
