import FluentKit
import Foundation
import KaikuCore
import SQLKit

/// Writes rollup rows by adding to what is there, so that any number of
/// writers can add answers to the same row and the sums stay exact.
public enum RollupStore {
    /// Adds the accumulated rows, and their sums to the subtree rollups of
    /// the units above them. Call inside the transaction that stores the
    /// answers.
    public static func add(_ accumulator: RollupAccumulator, on sql: any SQLDatabase) async throws {
        guard !accumulator.isEmpty else { return }
        try await add(accumulator.rows, into: RollupTable.name, on: sql)
        try await SubtreeRollups.add(accumulator.rows, on: sql)
    }

    /// Adds rows to one table of the rollups' layout (own or subtree).
    static func add(_ rows: [RollupKey: RollupCounts], into name: String, on sql: any SQLDatabase) async throws {
        let table = RollupTable.bulk(rows, into: name)
        try await BulkInsert.run(
            into: table.name, columns: table.columns, rows: table.rows,
            // Counts, ids and codes only: on PostgreSQL they go into the statement text.
            addingOnConflict: (RollupTable.keyColumns, Array(table.columns.dropFirst(RollupTable.keyColumns.count))), literals: true, on: sql)
    }
}
