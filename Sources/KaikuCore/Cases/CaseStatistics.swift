import Foundation

/// How well a set of units keeps its answer promise.
public struct CaseStatistics: Sendable, Hashable {
    /// One case as the statistics need it.
    public struct Item: Sendable, Hashable {
        public var receivedAt: Date
        public var dueAt: Date
        public var closedAt: Date?
        /// The first call, interim reply, answer or referral.
        public var firstContactAt: Date?

        public init(receivedAt: Date, dueAt: Date, closedAt: Date?, firstContactAt: Date? = nil) {
            self.receivedAt = receivedAt
            self.dueAt = dueAt
            self.closedAt = closedAt
            self.firstContactAt = firstContactAt
        }
    }

    public var pending: Int
    public var late: Int
    /// Pending cases due within the next `soon` interval.
    public var dueSoon: Int
    public var finished: Int
    /// Median time from receipt to closing or referral, in hours; nil when nothing finished.
    public var medianHandlingHours: Double?
    /// Share of finished cases finished by their due time, 0–100; nil when nothing finished.
    public var promiseKeptPercent: Int?
    /// Cases whose customer has been contacted (called, sent an interim reply, answered or referred).
    public var reacted: Int = 0
    /// Median time from receipt to the first contact, in hours; nil when nobody was contacted.
    public var medianReactionHours: Double?
    /// Share of contacted cases whose first contact came by their due time, 0–100.
    public var reactionKeptPercent: Int?

    public init(_ items: [Item], now: Date, soon: TimeInterval = 2 * 86_400) {
        let open = items.filter { $0.closedAt == nil }
        let done = items.compactMap { item in item.closedAt.map { (item, $0) } }
        pending = open.count
        late = open.filter { now > $0.dueAt }.count
        dueSoon = open.filter { now <= $0.dueAt && $0.dueAt.timeIntervalSince(now) <= soon }.count
        finished = done.count
        medianHandlingHours = Self.medianHours(done.map { $1.timeIntervalSince($0.receivedAt) })
        promiseKeptPercent = Self.percent(done.filter { $1 <= $0.dueAt }.count, of: done.count)
        let contacted = items.compactMap { item in item.firstContactAt.map { (item, $0) } }
        reacted = contacted.count
        medianReactionHours = Self.medianHours(contacted.map { $1.timeIntervalSince($0.receivedAt) })
        reactionKeptPercent = Self.percent(contacted.filter { $1 <= $0.dueAt }.count, of: contacted.count)
    }

    /// The median of `seconds` in hours, to a tenth; nil for none.
    static func medianHours(_ seconds: [TimeInterval]) -> Double? {
        let hours = seconds.map { $0 / 3_600 }.sorted()
        guard !hours.isEmpty else { return nil }
        let middle = hours.count / 2
        let median = hours.count % 2 == 1 ? hours[middle] : (hours[middle - 1] + hours[middle]) / 2
        return (median * 10).rounded() / 10
    }

    static func percent(_ part: Int, of whole: Int) -> Int? {
        whole == 0 ? nil : Int((Double(part) * 100 / Double(whole)).rounded())
    }
}
