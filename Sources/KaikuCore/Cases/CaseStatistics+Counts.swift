import Foundation

extension CaseStatistics {
    /// Width of the handling-time histogram the database counts: 36 seconds,
    /// a hundredth of an hour, finer than the tenth of an hour shown.
    public static let histogramBucketSeconds = 36.0

    /// Statistics from counts made by the database, so that a year of a
    /// county's cases need not be read row by row. `handlingBuckets` counts
    /// finished cases by handling time in buckets of `histogramBucketSeconds`.
    /// `reactionBuckets` likewise counts contacted cases by the time to their
    /// first contact, and `reactionKept` those contacted by their due time.
    public init(pending: Int, late: Int, dueSoon: Int, finished: Int, keptPromise: Int, handlingBuckets: [Int: Int],
                reactionKept: Int = 0, reactionBuckets: [Int: Int] = [:]) {
        self.pending = pending
        self.late = late
        self.dueSoon = dueSoon
        self.finished = finished
        promiseKeptPercent = Self.percent(keptPromise, of: finished)
        medianHandlingHours = Self.median(ofBuckets: handlingBuckets).map { ($0 * 10).rounded() / 10 }
        reacted = reactionBuckets.values.reduce(0, +)
        medianReactionHours = Self.median(ofBuckets: reactionBuckets).map { ($0 * 10).rounded() / 10 }
        reactionKeptPercent = Self.percent(reactionKept, of: reacted)
    }

    /// The median handling time in hours, each case taken at the middle of its bucket.
    static func median(ofBuckets buckets: [Int: Int]) -> Double? {
        let total = buckets.values.reduce(0, +)
        guard total > 0 else { return nil }
        let ordered = buckets.sorted { $0.key < $1.key }
        // The values at 0-based positions `lower` and `upper` of the sorted handling times.
        func value(at position: Int) -> Double {
            var seen = 0
            for (bucket, count) in ordered {
                seen += count
                if position < seen { return (Double(bucket) + 0.5) * histogramBucketSeconds / 3_600 }
            }
            return (Double(ordered.last!.key) + 0.5) * histogramBucketSeconds / 3_600
        }
        return (value(at: (total - 1) / 2) + value(at: total / 2)) / 2
    }
}
