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
        try insert.add(responsesPart, rows: responses.map(values), kinds: responseKinds)
        guard rollups else { return try await insert.run(on: sql) }
        let accumulator = rollupRows(of: responses)
        let subtree = try await SubtreeRollups.rows(above: accumulator.rows, on: sql)
        try RollupStore.add(accumulator.rows, into: RollupTable.name, to: &insert)
        try RollupStore.add(subtree, into: RollupTable.subtreeName, to: &insert)
        try await PostgresRows.execute(GroupInsertStatement(binds: insert.binds), on: sql)
    }

    static let responsesPart = PostgresArrayInsert.Part(table: FeedbackResponse.schema, columns: responseColumns)

    /// The types of `responseColumns`, in their order.
    static let responseKinds: [PostgresArrayInsert.Kind] = [
        .uuid, .uuid, .uuid, .uuid, .uuid, .text, .text, .text, .text, .text, .int, .text, .text, .date, .date, .int,
        .text, .text, .text, .bool, .text, .text, .text, .text, .text,
    ]
}
