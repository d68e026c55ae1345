import FluentKit
import Foundation
import KaikuCore
import SQLKit

extension ResponseInsert {
    /// PostgreSQL: the responses, their rollups and the subtree rollups of
    /// the units above go in one statement, each table as one array per
    /// column (`PostgresArrayInsert`), after the tree lock and the tree's
    /// read. A group of answers then costs five round trips with its
    /// transaction's own; one statement per table, each written out with
    /// its rows, cost eight, and the database spent half its time parsing
    /// and planning them.
    static func insertPostgres(_ responses: [NewResponse], rollups: Bool, on sql: any SQLDatabase) async throws {
        var insert = PostgresArrayInsert()
        try insert.add(into: FeedbackResponse.schema, columns: responseColumns, rows: responses.map(values))
        if rollups {
            var accumulator = RollupAccumulator()
            for response in responses { accumulator.add(response.rollupAnswer) }
            let subtree = try await SubtreeRollups.rows(above: accumulator.rows, on: sql)
            try RollupStore.add(accumulator.rows, into: RollupTable.name, to: &insert)
            try RollupStore.add(subtree, into: RollupTable.subtreeName, to: &insert)
        }
        try await insert.run(on: sql)
    }
}
