import FluentKit
import Foundation
import KaikuCore
import SQLKit

/// Reads answers for the exports in batches, so that memory holds two
/// batches however many rows there are. Rows are read with plain SQL: decoding
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
    struct Cursor: Sendable {
        var day: Int
        var key: Key
        enum Key: Sendable { case rowid(Int), id(UUID) }
    }

    /// Calls `body` with each batch in order and returns how many rows there were.
    /// At most one batch is read ahead, so a slow reader slows the query instead of piling rows up.
    /// `location` says where a SQLite database's file is, for reading it directly.
    @discardableResult
    public static func read(_ selection: Selection, codes: ExportCodes, on sql: any SQLDatabase, location: DatabaseLocation,
                            _ body: ([AnswerRecord]) async throws -> Void) async throws -> Int {
        if case .sqlite(let path) = location, try sql.flavour == .sqlite {
            let reader = try SQLiteFileReader(path: path, selection: selection, codes: codes)
            return try await prefetching({ _ in
                let records = try await reader.next()
                return (records, nil, !records.isEmpty)
            }, body)
        }
        return try await prefetching({ cursor in
            let (records, next) = try await sqlBatch(selection, after: cursor, codes: codes, on: sql)
            return (records, next, records.count == selection.batchSize && next != nil)
        }, body)
    }

    /// Reads the next batch while `body` encodes and writes the current one,
    /// so that the database and the encoder work at the same time on two
    /// cores; never more than two batches are held.
    private static func prefetching(
        _ fetch: @escaping @Sendable (Cursor?) async throws -> (records: [AnswerRecord], next: Cursor?, more: Bool),
        _ body: ([AnswerRecord]) async throws -> Void
    ) async throws -> Int {
        var pending = Task { try await fetch(nil) }
        defer { pending.cancel() }
        var total = 0
        while true {
            let batch = try await pending.value
            guard !batch.records.isEmpty else { break }
            total += batch.records.count
            if batch.more {
                let cursor = batch.next
                pending = Task { try await fetch(cursor) }
            }
            try await body(batch.records)
            guard batch.more else { break }
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
