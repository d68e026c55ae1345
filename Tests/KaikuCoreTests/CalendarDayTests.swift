import Foundation
import XCTest
@testable import KaikuCore

final class CalendarDayTests: XCTestCase {

    private func helsinki(file: StaticString = #filePath, line: UInt = #line) throws -> TimeZone {
        try XCTUnwrap(TimeZone(identifier: "Europe/Helsinki"), file: file, line: line)
    }

    private func day(_ year: Int, _ month: Int, _ day: Int, file: StaticString = #filePath, line: UInt = #line) throws -> CalendarDay {
        try XCTUnwrap(CalendarDay(year: year, month: month, day: day), file: file, line: line)
    }

    // MARK: From an instant

    func testHalfPastTenUTCOnJanuaryThirtyFirstIsFebruaryFirstInHelsinki() throws {
        // Arrange: winter time, UTC+2, so 22:30Z is 00:30 the next day.
        let date = instant("2026-01-31T22:30:00Z")

        // Act
        let result = CalendarDay(date: date, timeZone: try helsinki())

        // Assert
        XCTAssertEqual(result, try day(2026, 2, 1))
    }

    func testLastSecondBeforeHelsinkiMidnightInWinterIsStillTheSameDay() throws {
        // Arrange
        let date = instant("2026-01-31T21:59:59Z")

        // Act
        let result = CalendarDay(date: date, timeZone: try helsinki())

        // Assert
        XCTAssertEqual(result, try day(2026, 1, 31))
    }

    func testSameInstantIsTheUTCDayInUTC() throws {
        // Arrange
        let date = instant("2026-01-31T22:30:00Z")
        let utc = try XCTUnwrap(TimeZone(identifier: "UTC"))

        // Act
        let result = CalendarDay(date: date, timeZone: utc)

        // Assert
        XCTAssertEqual(result, try day(2026, 1, 31))
    }

    func testSummerTimeInHelsinkiIsThreeHoursAheadOfUTC() throws {
        // Arrange: 21:30Z is 00:30 on 1 July at UTC+3 (it would still be 30 June at UTC+2).
        let afterMidnight = instant("2026-06-30T21:30:00Z")
        let beforeMidnight = instant("2026-06-30T20:59:59Z")

        // Act
        let after = CalendarDay(date: afterMidnight, timeZone: try helsinki())
        let before = CalendarDay(date: beforeMidnight, timeZone: try helsinki())

        // Assert
        XCTAssertEqual(after, try day(2026, 7, 1))
        XCTAssertEqual(before, try day(2026, 6, 30))
    }

    func testDayStartsAtHelsinkiMidnight() throws {
        // Arrange
        let winterDay = try day(2026, 2, 1)
        let summerDay = try day(2026, 7, 1)

        // Act
        let winterStart = winterDay.start(in: try helsinki())
        let summerStart = summerDay.start(in: try helsinki())

        // Assert
        XCTAssertEqual(winterStart, instant("2026-01-31T22:00:00Z"))
        XCTAssertEqual(summerStart, instant("2026-06-30T21:00:00Z"))
    }

    // MARK: Parsing

    func testISODateIsParsed() throws {
        // Act
        let parsed = try XCTUnwrap(CalendarDay(iso: "2026-02-28"))

        // Assert
        XCTAssertEqual(parsed.year, 2026)
        XCTAssertEqual(parsed.month, 2)
        XCTAssertEqual(parsed.day, 28)
    }

    func testImpossibleDatesAreRefused() {
        for text in ["2026-02-30", "2026-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "0000-01-01"] {
            XCTAssertNil(CalendarDay(iso: text), text)
        }
    }

    func testOtherFormsThanYYYYMMDDAreRefused() {
        for text in ["2026-2-3", "20260101", "2026/01/01", "26-01-01", "2026-01-01T00:00", " 2026-01-01", "2026-01", "", "abcd-ef-gh"] {
            XCTAssertNil(CalendarDay(iso: text), "'\(text)'")
        }
    }

    func testSignedNumbersAreNotDigits() {
        // `Int("+2")` is 2, but "+2" is not the two digits YYYY-MM-DD asks for.
        for text in ["2026-+2-03", "2026-02-+3", "+202-02-03"] {
            XCTAssertNil(CalendarDay(iso: text), text)
        }
    }

    func testLeapDayFollowsTheGregorianRules() {
        XCTAssertNotNil(CalendarDay(iso: "2024-02-29"), "divisible by 4")
        XCTAssertNotNil(CalendarDay(iso: "2000-02-29"), "divisible by 400")
        XCTAssertNil(CalendarDay(iso: "2100-02-29"), "divisible by 100 but not 400")
        XCTAssertNil(CalendarDay(iso: "2026-02-29"), "not divisible by 4")
    }

    func testDescriptionIsTheISOForm() throws {
        // Act
        let text = try day(2026, 3, 5).description

        // Assert
        XCTAssertEqual(text, "2026-03-05")
        XCTAssertEqual(CalendarDay(iso: text), try day(2026, 3, 5))
    }

    // MARK: Integer forms and order

    func testRawValueIsYYYYMMDD() throws {
        // Act & Assert
        XCTAssertEqual(try day(2026, 3, 5).rawValue, 20_260_305)
        XCTAssertEqual(CalendarDay(rawValue: 20_261_231), try day(2026, 12, 31))
        XCTAssertNil(CalendarDay(rawValue: 20_260_230))
    }

    func testMonthKeyIsYYYYMM() throws {
        // Act & Assert
        XCTAssertEqual(try day(2026, 3, 5).monthKey, 202_603)
        XCTAssertEqual(try day(2025, 12, 31).monthKey, 202_512)
    }

    func testDaysAreOrderedByDate() throws {
        // Arrange
        let unordered = [try day(2026, 1, 10), try day(2025, 12, 31), try day(2026, 1, 9), try day(2026, 2, 1)]

        // Act
        let sorted = unordered.sorted()

        // Assert
        XCTAssertEqual(sorted.map(\.description), ["2025-12-31", "2026-01-09", "2026-01-10", "2026-02-01"])
        XCTAssertLessThan(try day(2025, 12, 31), try day(2026, 1, 1))
    }
}
