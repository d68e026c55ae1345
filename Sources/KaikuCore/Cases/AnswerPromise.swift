import Foundation

/// The organisation's promise to answer within a number of calendar or working days.
///
/// Working days: the day the feedback was received never counts, whatever
/// day it is; the next Monday–Friday that is no Finnish public holiday is the
/// first working day, and the case falls due on the `days`th such day at the
/// same wall-clock time in the organisation's zone. So feedback received on
/// Friday at 10:00 with a promise of 5 working days is due the next Friday at
/// 10:00, and feedback received on Saturday or on Good Friday counts from the
/// next working day just the same (due on the fifth working day from then, at
/// the time of day it came in).
public struct AnswerPromise: Sendable, Hashable {
    public var days: Int
    public var timeZone: TimeZone
    public var counting: PromiseCounting

    public init(days: Int, timeZone: TimeZone, counting: PromiseCounting = .calendarDays) {
        self.days = max(1, days)
        self.timeZone = timeZone
        self.counting = counting
    }

    /// When a case received at `receivedAt` falls due.
    public func dueAt(receivedAt: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        switch counting {
        case .calendarDays:
            // The same wall-clock time `days` calendar days later in the
            // organisation's zone, so that a promise made the day before the clocks
            // change still ends at the hour the customer was told.
            return calendar.date(byAdding: .day, value: days, to: receivedAt) ?? receivedAt.addingTimeInterval(Double(days) * 86_400)
        case .workingDays:
            let received = CalendarDay(date: receivedAt, timeZone: timeZone)
            let due = Self.workingDay(days, after: received)
            let time = calendar.dateComponents([.hour, .minute, .second, .nanosecond], from: receivedAt)
            let components = DateComponents(calendar: calendar, timeZone: timeZone, year: due.year, month: due.month, day: due.day,
                                            hour: time.hour, minute: time.minute, second: time.second, nanosecond: time.nanosecond)
            // A time the clocks skip on the due day moves forward with them.
            return calendar.date(from: components)
                ?? due.start(in: timeZone).addingTimeInterval(receivedAt.timeIntervalSince(received.start(in: timeZone)))
        }
    }

    /// The `count`th working day after `day` (`day` itself never counts).
    public static func workingDay(_ count: Int, after day: CalendarDay) -> CalendarDay {
        var current = day
        var remaining = max(1, count)
        var holidays: (year: Int, days: Set<CalendarDay>) = (day.year, FinnishHolidays.holidays(in: day.year))
        while remaining > 0, current < CalendarDay.latest {
            current = current.adding(days: 1)
            if current.year != holidays.year { holidays = (current.year, FinnishHolidays.holidays(in: current.year)) }
            if current.isoWeekday <= 5 && !holidays.days.contains(current) { remaining -= 1 }
        }
        return current
    }

    public static func isLate(dueAt: Date, now: Date) -> Bool { now > dueAt }
}
