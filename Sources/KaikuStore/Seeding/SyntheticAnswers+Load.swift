import Foundation
import KaikuCore

extension SyntheticAnswers {
    /// Loads `count` answers into an empty organisation with a `BulkLoader`
    /// and returns how many were stored; for `kaiku generate`. Anonymous
    /// answers only (open text, but no contact details), since those never
    /// open a case. A day's answers go in one write, and the rollup rows
    /// whose period ended with a week go with that week's last day: every
    /// rollup row is written once, complete, so none is read or updated.
    /// Ids are time-ordered (`make`) and receipts follow each other
    /// (`ReceiptCode.sequence`), so nothing is looked up and the indexes
    /// grow at their ends.
    public func load(count: Int, seed: UInt64, into loader: any BulkLoader, progress: (@Sendable (Int) -> Void)? = nil) async throws -> Int {
        precondition(!(withOpenText && contactRequests), "answers asking for an answer open cases, which only insert(count:…) writes")
        var keys = SplitMix64(seed: seed ^ 0x5EED)
        let receiptStart = keys.next()
        var stored = 0
        // The week's day rows until it ends; month and year rows until theirs do.
        var week = RollupAccumulator()
        var open = RollupAccumulator()
        var writing: Task<Void, any Error>?
        try await forEachDay(count: count, seed: seed) { rows, next in
            var rows = rows
            for index in rows.indices {
                rows[index].receipt = ReceiptCode.sequence(UInt64(stored + index), start: receiptStart)
                week.add(rows[index].rollupAnswer, grains: [.day])
            }
            let answers = rows
            // Values are made as each row is written: a day's answers held
            // as values as well as rows (and a week's, as before) took the
            // PostgreSQL generator to 1.3 GB at ten million answers.
            var tables = [BulkTable(name: FeedbackResponse.schema, columns: ResponseInsert.responseColumns, count: answers.count) {
                ResponseInsert.values(answers[$0])
            }]
            if next == nil || next?.isoWeekday == 1 {
                tables.append(RollupTable.bulk(Self.completeRollups(week: &week, open: &open, next: next)))
            }
            // The next day is made while this one is written: one write in
            // flight. Rollups go weekly, because a day's touch a page of every
            // unit's and so would the next day's (55 s against 42 s for a million).
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

    /// The rollup rows complete when a week ends, before `next` (nil after
    /// the last day): the week's days and the week itself, and the months and
    /// years that end with it. `week` is emptied; the rest wait in `open`.
    static func completeRollups(week: inout RollupAccumulator, open: inout RollupAccumulator, next: CalendarDay?) -> [RollupKey: RollupCounts] {
        week.addingCoarserGrains()
        var complete = week.take(where: { $0.piece.grain == .day || $0.piece.grain == .week })
        open.add(week.rows)
        week.removeAll()
        // A month or year is complete when the next week starts in a later one.
        complete.merge(open.take(where: { key in next.map { key.piece.period != key.piece.grain.period(of: $0) } ?? true })) { first, _ in first }
        return complete
    }
}
