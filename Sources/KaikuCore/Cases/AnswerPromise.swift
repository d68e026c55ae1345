import Foundation

/// The organisation's promise to answer within a number of calendar days.
public struct AnswerPromise: Sendable, Hashable {
    public var days: Int
    public var timeZone: TimeZone

    public init(days: Int, timeZone: TimeZone) {
        self.days = max(1, days)
        self.timeZone = timeZone
    }

    /// The same wall-clock time `days` calendar days later in the
    /// organisation's zone, so that a promise made the day before the clocks
    /// change still ends at the hour the customer was told.
    public func dueAt(receivedAt: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(byAdding: .day, value: days, to: receivedAt) ?? receivedAt.addingTimeInterval(Double(days) * 86_400)
    }

    public static func isLate(dueAt: Date, now: Date) -> Bool { now > dueAt }
}
