import Foundation

/// How well a set of units keeps its answer promise.
public struct CaseStatistics: Sendable, Hashable {
    /// One case as the statistics need it.
    public struct Item: Sendable, Hashable {
        public var receivedAt: Date
        public var dueAt: Date
        public var closedAt: Date?

        public init(receivedAt: Date, dueAt: Date, closedAt: Date?) {
            self.receivedAt = receivedAt
            self.dueAt = dueAt
            self.closedAt = closedAt
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

    public init(_ items: [Item], now: Date, soon: TimeInterval = 2 * 86_400) {
        let open = items.filter { $0.closedAt == nil }
        let done = items.compactMap { item in item.closedAt.map { (item, $0) } }
        pending = open.count
        late = open.filter { now > $0.dueAt }.count
        dueSoon = open.filter { now <= $0.dueAt && $0.dueAt.timeIntervalSince(now) <= soon }.count
        finished = done.count
        let hours = done.map { $1.timeIntervalSince($0.receivedAt) / 3_600 }.sorted()
        if hours.isEmpty {
            medianHandlingHours = nil
        } else {
            let middle = hours.count / 2
            let median = hours.count % 2 == 1 ? hours[middle] : (hours[middle - 1] + hours[middle]) / 2
            medianHandlingHours = (median * 10).rounded() / 10
        }
        let kept = done.filter { $1 <= $0.dueAt }.count
        promiseKeptPercent = done.isEmpty ? nil : Int((Double(kept) * 100 / Double(done.count)).rounded())
    }
}
