import FluentPostgresDriver

/// A group of answers with its rollups and subtree rollups, as one statement
/// of one shape (`ResponseInsert.insertPostgres`), prepared once on each
/// connection: PostgreSQL then neither parses nor plans it again, which was
/// a third of its time for every group.
struct GroupInsertStatement: PostgresPreparedStatement {
    typealias Row = ()

    static let parts = [ResponseInsert.responsesPart, RollupStore.part(RollupTable.name), RollupStore.part(RollupTable.subtreeName)]
    static let kinds = ResponseInsert.responseKinds + RollupTable.allSlotKinds + RollupTable.allSlotKinds
    static let text = PostgresArrayInsert.text(of: parts)

    static var sql: String { text }
    static var bindingDataTypes: [PostgresDataType] { kinds.map(\.arrayType) }

    var binds: PostgresBindings

    func makeBindings() throws -> PostgresBindings {
        guard binds.count == Self.kinds.count else { throw BulkInsertError.shape(expected: Self.kinds.count, found: binds.count) }
        return binds
    }

    func decodeRow(_ row: PostgresRow) throws {}
}
