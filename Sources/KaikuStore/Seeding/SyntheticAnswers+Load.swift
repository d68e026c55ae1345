import Foundation
import KaikuCore

extension SyntheticAnswers {
    /// Loads `count` answers into an empty organisation with a `BulkLoader`
    /// and returns how many were stored; for `kaiku generate`. Anonymous
    /// answers only (open text, but no contact details), since those never
    /// open a case. A day's answers go in one write with the rollup rows
    /// that are complete at its end (the day's own, and the week's, month's
    /// and year's that end with it): every rollup row is written once,
    /// complete, so none is read or updated.
    /// Ids are time-ordered (`make`) and receipts follow each other
    /// (`ReceiptCode.sequence`), so nothing is looked up and the indexes
    /// grow at their ends.
    public func load(count: Int, seed: UInt64, into loader: any BulkLoader, progress: (@Sendable (Int) -> Void)? = nil) async throws -> Int {
        precondition(!(withOpenText && contactRequests), "answers asking for an answer open cases, which only insert(count:…) writes")
        var keys = SplitMix64(seed: seed ^ 0x5EED)
        let receiptStart = keys.next()
        var stored = 0
        // The day's rows until it ends; week, month and year rows until theirs do.
        var day = RollupAccumulator()
        var open = RollupAccumulator()
        var writing: Task<Void, any Error>?
        try await forEachDay(count: count, seed: seed) { rows, next in
            var rows = rows
            for index in rows.indices {
                rows[index].receipt = ReceiptCode.sequence(UInt64(stored + index), start: receiptStart)
                day.add(rows[index].rollupAnswer, grains: [.day])
            }
            let answers = rows
            // Values are made as each row is written: a day's answers held
            // as values as well as rows (and a week's, as before) took the
            // PostgreSQL generator to 1.3 GB at ten million answers.
            var tables = [BulkTable(name: FeedbackResponse.schema, columns: ResponseInsert.responseColumns, count: answers.count) {
                ResponseInsert.values(answers[$0])
            }]
            // Daily: a week of day rows held until the week ended was 7 × 500
            // units × every theme and sentiment seen that day, which took the
            // PostgreSQL generator past 500 MB at ten million answers.
            tables.append(RollupTable.bulk(Self.completeRollups(day: &day, open: &open, next: next)))
            // The next day is made while this one is written: one write in flight.
            try await writing?.value
            let written = tables
            writing = Task { try await loader.write(written) }
            stored += rows.count
            // Daily, as the rows are made: a call per answer would cost more than it tells.
            progress?(stored)
        }
        try await writing?.value
        return stored
    }

    /// The rollup rows complete when a day ends, before `next` (nil after the
    /// last day): the day's, and the weeks, months and years that end with
    /// it. `day` is emptied; the rest wait in `open`.
    static func completeRollups(day: inout RollupAccumulator, open: inout RollupAccumulator, next: CalendarDay?) -> [RollupKey: RollupCounts] {
        day.addingCoarserGrains()
        var complete = day.take(where: { $0.piece.grain == .day })
        open.add(day.rows)
        day = RollupAccumulator()
        // A week, month or year is complete when the next day is in a later one.
        complete.merge(open.take(where: { key in next.map { key.piece.period != key.piece.grain.period(of: $0) } ?? true })) { first, _ in first }
        return complete
    }
}
