import XCTest
@testable import KaikuCore

/// Working-day promises in Europe/Helsinki: the day of receipt never counts,
/// the due time keeps the wall-clock time of day.
final class AnswerPromiseTests: XCTestCase {
    private let helsinki = TimeZone(identifier: "Europe/Helsinki")!

    private func instant(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    private func due(_ received: String, days: Int = 5) -> Date {
        AnswerPromise(days: days, timeZone: helsinki, counting: .workingDays).dueAt(receivedAt: instant(received))
    }

    func testFridayMorningWithFiveWorkingDaysIsDueTheNextFridayMorning() {
        XCTAssertEqual(due("2026-03-06T10:00:00+02:00"), instant("2026-03-13T10:00:00+02:00"))
    }

    func testFeedbackReceivedOnAWeekendCountsFromTheNextWorkingDay() {
        XCTAssertEqual(due("2026-03-07T10:00:00+02:00"), instant("2026-03-13T10:00:00+02:00"))
        XCTAssertEqual(due("2026-03-08T23:30:00+02:00"), instant("2026-03-13T23:30:00+02:00"))
    }

    func testEasterSkipsGoodFridayAndEasterMonday() {
        // Maundy Thursday: Tue 7, Wed 8, Thu 9, Fri 10, Mon 13.
        XCTAssertEqual(due("2026-04-02T10:00:00+03:00"), instant("2026-04-13T10:00:00+03:00"))
        // Received on Good Friday itself: counts from Tuesday just the same.
        XCTAssertEqual(due("2026-04-03T09:00:00+03:00"), instant("2026-04-13T09:00:00+03:00"))
    }

    func testChristmasSkipsChristmasEveAndChristmasDay() {
        // Mon 21, Tue 22, Wed 23, (24, 25 holidays, weekend), Mon 28, Tue 29.
        XCTAssertEqual(due("2026-12-18T14:30:00+02:00"), instant("2026-12-29T14:30:00+02:00"))
    }

    func testNewYearSkipsNewYearsDayAndEpiphany() {
        // Thu 31, (Fri 1 Jan, weekend), Mon 4, Tue 5, (Wed 6 Epiphany), Thu 7, Fri 8.
        XCTAssertEqual(due("2026-12-30T10:00:00+02:00"), instant("2027-01-08T10:00:00+02:00"))
    }

    func testMidsummerEveIsNoWorkingDay() {
        // Tue 16, Wed 17, Thu 18, (Fri 19 Midsummer Eve, weekend), Mon 22, Tue 23.
        XCTAssertEqual(due("2026-06-15T12:00:00+03:00"), instant("2026-06-23T12:00:00+03:00"))
    }

    func testMayDayAndAscensionDayAreSkipped() {
        // Thu 30 Apr: (Fri 1 May, weekend) Mon 4 … Fri 8 is the fifth.
        XCTAssertEqual(due("2026-04-30T08:00:00+03:00"), instant("2026-05-08T08:00:00+03:00"))
        // Mon 11: Tue 12, Wed 13, (Thu 14 Ascension), Fri 15, Mon 18, Tue 19.
        XCTAssertEqual(due("2026-05-11T08:00:00+03:00"), instant("2026-05-19T08:00:00+03:00"))
    }

    func testTheTimeOfDayIsKeptAcrossTheSpringClockChange() {
        // Clocks go forward on Sunday 29 March; Easter follows: Mon 30, Tue 31, Wed 1, Thu 2, Tue 7.
        XCTAssertEqual(due("2026-03-27T10:00:00+02:00"), instant("2026-04-07T10:00:00+03:00"))
    }

    func testTheTimeOfDayIsKeptAcrossTheAutumnClockChange() {
        // Clocks go back on Sunday 25 October: 10:00 summer time on Friday, 10:00 winter time on Monday.
        XCTAssertEqual(due("2026-10-23T07:00:00Z", days: 1), instant("2026-10-26T08:00:00Z"))
    }

    func testTheDueDayIsAlwaysTheNthWorkingDayAfterTheDayOfReceipt() {
        var generator = SeededGenerator(seed: 15)
        let start = CalendarDay(iso: "2024-01-01")!
        for _ in 0..<500 {
            let received = start.adding(days: Int.random(in: 0..<(5 * 365), using: &generator))
            let days = Int.random(in: 1...30, using: &generator)
            let dueDay = AnswerPromise.workingDay(days, after: received)
            XCTAssertTrue(FinnishHolidays.isWorkingDay(dueDay))
            let counted = (1...(dueDay.dayNumber - received.dayNumber)).filter { FinnishHolidays.isWorkingDay(received.adding(days: $0)) }.count
            XCTAssertEqual(counted, days, "\(received) + \(days)")
        }
    }

    func testCalendarDaysStayTheDefault() {
        let promise = AnswerPromise(days: 5, timeZone: helsinki)
        XCTAssertEqual(promise.counting, .calendarDays)
        XCTAssertEqual(promise.dueAt(receivedAt: instant("2026-12-22T10:00:00+02:00")), instant("2026-12-27T10:00:00+02:00"))
    }
}
