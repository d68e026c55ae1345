import Foundation

/// A calendar month a monthly report covers, and when its report is due:
/// the first working day of the next month (Finnish public holidays and
/// weekends skipped), in the organisation's time zone.
public struct ReportMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...12).contains(month), (2000...9999).contains(year) else { return nil }
        self.year = year
        self.month = month
    }

    /// `YYYY-MM`, as `--month` takes it.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 7, parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        self.init(year: year, month: month)
    }

    /// yyyymm, the deliveries table's key.
    public init?(key: Int) { self.init(year: key / 100, month: key % 100) }

    public init(containing day: CalendarDay) {
        year = day.year
        month = day.month
    }

    public var key: Int { year * 100 + month }
    public var description: String { String(format: "%04d-%02d", year, month) }

    public var first: CalendarDay { CalendarDay(year: year, month: month, day: 1)! }
    public var last: CalendarDay { first.adding(days: first.daysInMonth - 1) }

    public func adding(months: Int) -> ReportMonth {
        let index = year * 12 + (month - 1) + months
        return ReportMonth(unchecked: index / 12, index % 12 + 1)
    }

    public var previous: ReportMonth { adding(months: -1) }
    public var yearAgo: ReportMonth { adding(months: -12) }

    /// The month that ended before `day`'s month: what a report sent on `day` covers.
    public static func ended(before day: CalendarDay) -> ReportMonth { ReportMonth(containing: day).previous }

    /// The day this month's report goes out: the next month's first working day.
    public var reportDay: ReportMonthDay { ReportMonthDay(day: ReportMonth.firstWorkingDay(of: adding(months: 1))) }

    public static func firstWorkingDay(of month: ReportMonth) -> CalendarDay {
        var day = month.first
        while !FinnishHolidays.isWorkingDay(day) { day = day.adding(days: 1) }
        return day
    }

    public static func < (lhs: ReportMonth, rhs: ReportMonth) -> Bool { lhs.key < rhs.key }

    private init(unchecked year: Int, _ month: Int) {
        self.year = year
        self.month = month
    }
}

/// The day a report is sent, and the hour of that day (local time) it is
/// queued for: early enough to be read that morning.
public struct ReportMonthDay: Sendable, Hashable {
    public static let hour = 7
    public var day: CalendarDay

    public func sendAt(in timeZone: TimeZone) -> Date {
        day.start(in: timeZone).addingTimeInterval(Double(Self.hour) * 3_600)
    }
}
