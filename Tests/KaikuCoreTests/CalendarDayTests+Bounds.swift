import XCTest
@testable import KaikuCore

/// Days from outside are bounded where they enter, and day arithmetic stops
/// at the ends of the calendar instead of trapping, so that no date a request
/// carries can stop the process.
final class CalendarDayBoundsTests: XCTestCase {
    func testDayArithmeticStopsAtTheEndsOfTheCalendar() throws {
        // Arrange
        let last = try XCTUnwrap(CalendarDay(year: 9999, month: 12, day: 31))
        let first = try XCTUnwrap(CalendarDay(year: 1, month: 1, day: 1))

        // Act & Assert
        XCTAssertEqual(last.adding(days: 1), CalendarDay.latest)
        XCTAssertEqual(last.adding(days: 7 - last.isoWeekday), CalendarDay.latest)
        XCTAssertEqual(first.adding(days: -1), CalendarDay.earliest)
        XCTAssertEqual(first.adding(days: Int.min), CalendarDay.earliest)
        XCTAssertEqual(last.adding(days: Int.max), CalendarDay.latest)
        XCTAssertEqual(CalendarDay(dayNumber: Int.max), CalendarDay.latest)
        XCTAssertEqual(CalendarDay(dayNumber: -719_162), first, "0001-01-01 is day -719,162 of the Unix epoch")
        XCTAssertEqual(CalendarDay(dayNumber: 2_932_896), last)
    }

    func testArithmeticInsideTheCalendarIsUnchanged() throws {
        // Arrange
        let day = try XCTUnwrap(CalendarDay(year: 2026, month: 12, day: 31))

        // Act & Assert
        XCTAssertEqual(day.adding(days: 1).description, "2027-01-01")
        XCTAssertEqual(day.adding(days: -365).description, "2025-12-31")
        XCTAssertEqual(day.isoWeekKey, 202_653)
    }

    func testOnlyDaysOfTheAcceptedWindowAreTakenFromOutside() {
        // Act & Assert
        XCTAssertEqual(CalendarDay(accepting: "2026-06-01")?.description, "2026-06-01")
        XCTAssertEqual(CalendarDay(accepting: "1900-01-01")?.description, "1900-01-01")
        XCTAssertEqual(CalendarDay(accepting: "2199-12-31")?.description, "2199-12-31")
        for text in ["0001-06-01", "1899-12-31", "2200-01-01", "9999-12-31", "10000-01-01", "0000-01-01", "2026-02-30", ""] {
            XCTAssertNil(CalendarDay(accepting: text), text)
        }
        XCTAssertTrue(CalendarDay.acceptedDescription(of: "to").contains("between 1900-01-01 and 2199-12-31"))
    }
}
