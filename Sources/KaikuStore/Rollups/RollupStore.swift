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
        try await BulkInsert.run(into: table.name, columns: table.columns, rows: table.rows, addingOnConflict: addedOnConflict(table), on: sql)
    }

    /// The same, as a part of one PostgreSQL statement of one shape: every
    /// slot's columns, even with no rows (`GroupInsertStatement`).
    static func add(_ rows: [RollupKey: RollupCounts], into name: String, to insert: inout PostgresArrayInsert) throws {
        let table = RollupTable.bulk(rows, into: name, allSlots: true)
        try insert.add(part(name), rows: table.rows, kinds: RollupTable.allSlotKinds)
    }

    /// The insert into one table of the rollups' layout with every slot.
    static func part(_ name: String) -> PostgresArrayInsert.Part {
        let columns = RollupTable.keyColumns + RollupTable.countColumns
        return PostgresArrayInsert.Part(
            table: name, columns: columns,
            conflictClause: SQLFlavour.postgres.onConflictAdding(table: name, keys: RollupTable.keyColumns, added: RollupTable.countColumns))
    }

    /// A row that exists gets the counts added.
    private static func addedOnConflict(_ table: BulkTable) -> (keys: [String], added: [String]) {
        (RollupTable.keyColumns, Array(table.columns.dropFirst(RollupTable.keyColumns.count)))
    }
}
