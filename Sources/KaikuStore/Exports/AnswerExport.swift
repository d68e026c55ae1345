import FluentKit
import FluentSQLiteDriver
import Foundation
import KaikuCore
import SQLKit

/// Reads answers for the exports in keyset batches, so that memory holds one
/// batch however many rows there are. Rows are read with plain SQL: decoding
/// Fluent models costs more than the query.
public enum AnswerExport {
    public struct Selection: Sendable {
        public var organisationID: UUID
        /// The units whose answers are read; nil for the whole organisation.
        public var units: [UUID]?
        public var from: CalendarDay
        public var to: CalendarDay
        public var includeText: Bool
        public var batchSize: Int

        public init(organisationID: UUID, units: [UUID]?, from: CalendarDay, to: CalendarDay, includeText: Bool, batchSize: Int = 5_000) {
            self.organisationID = organisationID
            self.units = units
            self.from = from
            self.to = to
            self.includeText = includeText
            self.batchSize = batchSize
        }
    }

    /// Where the last batch ended: rows come in (local_day, key) order, the
    /// key being SQLite's rowid (the order of the day index) or the id.
    struct Cursor {
        var day: Int
        var key: Key
        enum Key { case rowid(Int), id(UUID) }
    }

    /// Calls `body` with each batch in order and returns how many rows there were.
    /// A batch is handed over before the next is read, so a slow reader slows the query instead of piling rows up.
    @discardableResult
    public static func read(_ selection: Selection, codes: ExportCodes, on sql: any SQLDatabase,
                            _ body: ([AnswerRecord]) async throws -> Void) async throws -> Int {
        var cursor: Cursor?
        var total = 0
        while true {
            let (records, next) = if let sqlite = sql as? any SQLiteDatabase, sql.dialect.name == "sqlite" {
                try await sqliteBatch(selection, after: cursor, codes: codes, on: sqlite)
            } else {
                try await sqlBatch(selection, after: cursor, codes: codes, on: sql)
            }
            guard !records.isEmpty else { break }
            total += records.count
            try await body(records)
            guard records.count == selection.batchSize, let next else { break }
            cursor = next
        }
        return total
    }

    static func columns(_ selection: Selection) -> [String] {
        var columns = ["id", "answered_at", "local_day", "unit_id", "target_id", "survey_id", "channel", "language",
                       "respondent", "age_group", "service_mode", "recommendation", "statements"]
        if selection.includeText { columns += ["themes", "sentiment", "open_text"] }
        return columns
    }
}
