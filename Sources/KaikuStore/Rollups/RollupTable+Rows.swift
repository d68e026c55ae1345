import Foundation
import KaikuCore

extension RollupTable {
    /// Rows for the rollups table in key order, so that concurrent writers
    /// on PostgreSQL lock them in the same order and never deadlock, and a
    /// bulk load writes each index page once. Only the statement slots in
    /// use are written (the THL core uses 7 of 12); the others keep their
    /// default 0, and the statements get shorter.
    /// `allSlots` writes every slot, for a statement of one shape whatever
    /// the survey (`GroupInsertStatement`).
    static func bulk(_ rows: [RollupKey: RollupCounts], into table: String = name, allSlots: Bool = false) -> BulkTable {
        let ordered = rows.map { (order: SortKey($0.key), row: $0) }.sorted { $0.order < $1.order }.map(\.row)
        let slots = allSlots ? RollupCounts.statementSlots : ordered.reduce(0) { used, row in max(used, row.value.slotsInUse) }
        let counted = Array(countColumns.prefix(12 + slots * 6))
        return BulkTable(name: table, columns: keyColumns + counted, count: ordered.count) { index in
            let (key, counts) = ordered[index]
            return [.uuid(key.unitID), .text(key.dimension.rawValue), .int(key.piece.grain.rawValue), .int(key.piece.period),
                    .uuid(key.surveyID), .text(key.value)] + counts.values.prefix(counted.count).map { BulkValue.int($0) }
        }
    }

    /// The types of a table's columns with every slot, as `bulk` writes them.
    static let allSlotKinds: [PostgresArrayInsert.Kind] = [.uuid, .text, .int, .int, .uuid, .text]
        + Array(repeating: .int, count: countColumns.count)

    /// The primary key's order. UUIDs compare by their bytes, as their
    /// upper-case text does in SQLite and the `uuid` type in PostgreSQL.
    private struct SortKey: Comparable {
        var unit: (UInt64, UInt64)
        var dimension: String
        var grain: Int
        var period: Int
        var survey: (UInt64, UInt64)
        var value: String

        init(_ key: RollupKey) {
            unit = Self.words(key.unitID)
            dimension = key.dimension.rawValue
            grain = key.piece.grain.rawValue
            period = key.piece.period
            survey = Self.words(key.surveyID)
            value = key.value
        }

        static func words(_ id: UUID) -> (UInt64, UInt64) {
            withUnsafeBytes(of: id.uuid) { bytes in
                (bytes.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }, bytes.suffix(8).reduce(0) { $0 << 8 | UInt64($1) })
            }
        }

        static func < (a: SortKey, b: SortKey) -> Bool {
            if a.unit != b.unit { return a.unit < b.unit }
            return (a.dimension, a.grain, a.period, a.survey.0, a.survey.1, a.value) < (b.dimension, b.grain, b.period, b.survey.0, b.survey.1, b.value)
        }

        static func == (a: SortKey, b: SortKey) -> Bool {
            a.unit == b.unit && a.dimension == b.dimension && a.grain == b.grain && a.period == b.period && a.survey == b.survey && a.value == b.value
        }
    }
}
