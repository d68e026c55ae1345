import XCTest
@testable import KaikuCore

final class FinnishHolidaysTests: XCTestCase {
    private func day(_ text: String) -> CalendarDay { CalendarDay(iso: text)! }

    func testEasterSundayFollowsTheGregorianComputus() {
        let known = [1818: "1818-03-22", 1943: "1943-04-25", 2000: "2000-04-23", 2019: "2019-04-21", 2024: "2024-03-31",
                     2025: "2025-04-20", 2026: "2026-04-05", 2027: "2027-03-28", 2038: "2038-04-25", 2285: "2285-03-22"]
        for (year, easter) in known {
            XCTAssertEqual(FinnishHolidays.easterSunday(year: year), day(easter), "\(year)")
        }
    }

    func testEasterIsASundayBetweenTheTwentySecondOfMarchAndTheTwentyFifthOfApril() {
        for year in 1900...2199 {
            let easter = FinnishHolidays.easterSunday(year: year)
            XCTAssertEqual(easter.isoWeekday, 7, "\(year)")
            XCTAssertTrue((day("\(year)-03-22")...day("\(year)-04-25")).contains(easter), "\(year)")
        }
    }

    func testTheHolidaysOf2026AreTheElevenTheCalendarNames() {
        let expected: Set<CalendarDay> = [
            day("2026-01-01"), day("2026-01-06"), day("2026-04-03"), day("2026-04-06"), day("2026-05-01"),
            day("2026-05-14"), day("2026-06-19"), day("2026-12-06"), day("2026-12-24"), day("2026-12-25"), day("2026-12-26"),
        ]
        XCTAssertEqual(FinnishHolidays.holidays(in: 2026), expected)
    }

    func testAscensionDayIsAThursdayThirtyNineDaysAfterEaster() {
        for year in 1900...2199 {
            let ascension = FinnishHolidays.easterSunday(year: year).adding(days: 39)
            XCTAssertEqual(ascension.isoWeekday, 4)
            XCTAssertTrue(FinnishHolidays.isHoliday(ascension))
        }
    }

    func testMidsummerEveIsTheFridayBetweenTheNineteenthAndTwentyFifthOfJune() {
        XCTAssertEqual(FinnishHolidays.midsummerEve(year: 2024), day("2024-06-21"))
        XCTAssertEqual(FinnishHolidays.midsummerEve(year: 2026), day("2026-06-19"))
        XCTAssertEqual(FinnishHolidays.midsummerEve(year: 2027), day("2027-06-25"))
        for year in 1900...2199 {
            let eve = FinnishHolidays.midsummerEve(year: year)
            XCTAssertEqual(eve.isoWeekday, 5)
            XCTAssertEqual(eve.month, 6)
            XCTAssertTrue((19...25).contains(eve.day))
        }
    }

    func testWeekendsAndHolidaysAreNoWorkingDays() {
        XCTAssertTrue(FinnishHolidays.isWorkingDay(day("2026-04-02")))  // Maundy Thursday
        XCTAssertFalse(FinnishHolidays.isWorkingDay(day("2026-04-03"))) // Good Friday
        XCTAssertFalse(FinnishHolidays.isWorkingDay(day("2026-04-06"))) // Easter Monday
        XCTAssertFalse(FinnishHolidays.isWorkingDay(day("2026-03-07"))) // Saturday
        XCTAssertFalse(FinnishHolidays.isWorkingDay(day("2026-03-08"))) // Sunday
        XCTAssertTrue(FinnishHolidays.isWorkingDay(day("2026-12-23")))
        XCTAssertFalse(FinnishHolidays.isWorkingDay(day("2026-12-24")))
        XCTAssertTrue(FinnishHolidays.isWorkingDay(day("2026-12-31")))  // New Year's Eve is a working day
    }
}
