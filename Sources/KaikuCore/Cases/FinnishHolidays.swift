/// The Finnish public holidays that can fall on a weekday, for any year,
/// so that a promise "in working days" skips them. The holidays that always
/// fall on a Saturday or Sunday (Easter Sunday, Pentecost, Midsummer Day,
/// All Saints' Day) need no listing: weekends are never working days.
///
/// Midsummer Eve (juhannusaatto) is no statutory holiday, but offices are
/// closed on it by collective agreement everywhere, so it is counted as one.
public enum FinnishHolidays {
    /// The holidays of `year` that fall on fixed dates or move with Easter.
    public static func holidays(in year: Int) -> Set<CalendarDay> {
        guard (1583...9999).contains(year) else { return [] }
        let easter = easterSunday(year: year)
        let fixed: [(Int, Int)] = [
            (1, 1),   // uudenvuodenpäivä
            (1, 6),   // loppiainen
            (5, 1),   // vappu
            (12, 6),  // itsenäisyyspäivä
            (12, 24), // jouluaatto
            (12, 25), // joulupäivä
            (12, 26), // tapaninpäivä
        ]
        var days = Set(fixed.compactMap { CalendarDay(year: year, month: $0.0, day: $0.1) })
        days.insert(easter.adding(days: -2)) // pitkäperjantai
        days.insert(easter.adding(days: 1))  // 2. pääsiäispäivä
        days.insert(easter.adding(days: 39)) // helatorstai
        days.insert(midsummerEve(year: year))
        return days
    }

    public static func isHoliday(_ day: CalendarDay) -> Bool {
        holidays(in: day.year).contains(day)
    }

    /// Monday to Friday and no public holiday.
    public static func isWorkingDay(_ day: CalendarDay) -> Bool {
        day.isoWeekday <= 5 && !isHoliday(day)
    }

    /// Easter Sunday by the Gregorian computus (the anonymous "Meeus/Jones/Butcher" algorithm).
    public static func easterSunday(year: Int) -> CalendarDay {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        // Always 22 March … 25 April, so the day exists.
        return CalendarDay(year: year, month: month, day: day) ?? CalendarDay(year: year, month: 4, day: 1)!
    }

    /// The Friday between 19 and 25 June.
    public static func midsummerEve(year: Int) -> CalendarDay {
        let nineteenth = CalendarDay(year: year, month: 6, day: 19)!
        // isoWeekday 5 is Friday.
        return nineteenth.adding(days: (5 - nineteenth.isoWeekday + 7) % 7)
    }
}
