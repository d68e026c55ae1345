import FluentKit
import Foundation
import KaikuCore
import SQLKit

/// Writes rollup rows by adding to what is there, so that any number of
/// writers can add answers to the same row and the sums stay exact.
public enum RollupStore {
    /// Adds the accumulated rows. Call inside the transaction that stores the
    /// answers. Rows go in key order so that concurrent writers on PostgreSQL
    /// lock them in the same order and never deadlock.
    public static func add(_ accumulator: RollupAccumulator, on sql: any SQLDatabase) async throws {
        guard !accumulator.isEmpty else { return }
        let rows = accumulator.rows
            .map { (order: "\($0.key.unitID.uuidString)|\($0.key.dimension.rawValue)|\($0.key.piece)|\($0.key.surveyID.uuidString)|\($0.key.value)", row: $0) }
            .sorted { $0.order < $1.order }
            .map(\.row)
        // Only the statement slots in use are written (the THL core uses 7 of
        // 12); the others keep their default 0, and the statements get shorter.
        let slots = rows.reduce(0) { used, row in max(used, row.value.slotsInUse) }
        let counted = Array(RollupTable.countColumns.prefix(12 + slots * 6))
        let columns = RollupTable.keyColumns + counted
        try await BulkInsert.run(
            into: RollupTable.name, columns: columns,
            rows: rows.map { key, counts in
                [.uuid(key.unitID), .text(key.dimension.rawValue), .int(key.piece.grain.rawValue), .int(key.piece.period),
                 .uuid(key.surveyID), .text(key.value)] + counts.values.prefix(counted.count).map { BulkValue.int($0) }
            },
            // Counts, ids and codes only: on PostgreSQL they go into the statement text.
            addingOnConflict: (RollupTable.keyColumns, counted), literals: true, on: sql)
    }
}
