/// Day arithmetic on the proleptic Gregorian calendar, without Foundation's
/// `Calendar`: rollups compute week and month keys for millions of answers.
extension CalendarDay {
    /// Days since 1970-01-01 (negative before it).
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day `dayNumber` days after 1970-01-01, held at the first or last
    /// day the type can hold when it lies beyond them.
    public init(dayNumber: Int) {
        let dayNumber = min(max(dayNumber, Self.earliestDayNumber), Self.latestDayNumber)
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)!
    }

    /// Saturates at the ends of the calendar rather than overflowing.
    public func adding(days: Int) -> CalendarDay {
        let (sum, overflow) = dayNumber.addingReportingOverflow(days)
        return CalendarDay(dayNumber: overflow ? (days < 0 ? Int.min : Int.max) : sum)
    }

    /// 0001-01-01 and 9999-12-31 as day numbers (computed, not looked up, so
    /// that `init(dayNumber:)` does not recurse through the static days).
    static let earliestDayNumber = -719_162
    static let latestDayNumber = 2_932_896

    /// 1 for Monday … 7 for Sunday.
    public var isoWeekday: Int { ((dayNumber + 3) % 7 + 7) % 7 + 1 }

    /// The ISO 8601 week as `yyyyww`, the year being the week's own (its Thursday's).
    public var isoWeekKey: Int {
        let thursday = adding(days: 4 - isoWeekday)
        let januaryFirst = CalendarDay(year: thursday.year, month: 1, day: 1)!
        return thursday.year * 100 + (thursday.dayNumber - januaryFirst.dayNumber) / 7 + 1
    }

    public var daysInMonth: Int { CalendarDay.daysIn(month: month, year: year) }

    public var firstOfMonth: CalendarDay { CalendarDay(year: year, month: month, day: 1)! }

    public var lastOfMonth: CalendarDay { CalendarDay(year: year, month: month, day: daysInMonth)! }
}
