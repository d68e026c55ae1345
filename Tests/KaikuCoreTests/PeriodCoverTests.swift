import Foundation
import XCTest
@testable import KaikuCore

final class PeriodCoverTests: XCTestCase {
    private var generator = SeededGenerator(seed: 20_261_123)

    private func randomDay() -> CalendarDay {
        CalendarDay(year: 2024, month: 1, day: 1)!.adding(days: Int(generator.next() % 1_400))
    }

    func testDayArithmeticAgreesWithFoundationsCalendar() {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var date = calendar.date(from: DateComponents(year: 1999, month: 12, day: 25))!
        var day = CalendarDay(year: 1999, month: 12, day: 25)!
        for _ in 0..<12_000 {
            let parts = calendar.dateComponents([.year, .month, .day, .weekday, .weekOfYear, .yearForWeekOfYear], from: date)
            XCTAssertEqual([day.year, day.month, day.day], [parts.year!, parts.month!, parts.day!])
            XCTAssertEqual(day.isoWeekday, (parts.weekday! + 5) % 7 + 1, "\(day)")
            XCTAssertEqual(day.isoWeekKey, parts.yearForWeekOfYear! * 100 + parts.weekOfYear!, "\(day)")
            XCTAssertEqual(CalendarDay(dayNumber: day.dayNumber), day)
            date = calendar.date(byAdding: .day, value: 1, to: date)!
            day = day.adding(days: 1)
        }
    }

    func testPiecesStandForExactlyTheDaysOfAnySpan() {
        for _ in 0..<2_000 {
            let a = randomDay(), b = randomDay()
            let (from, to) = (min(a, b), max(a, b))

            let pieces = PeriodCover.pieces(from: from, to: to)

            let days = pieces.flatMap(PeriodCover.days(of:))
            XCTAssertEqual(days.count, Set(days).count, "pieces overlap for \(from)...\(to): \(pieces)")
            XCTAssertEqual(Set(days), Set((0...(to.dayNumber - from.dayNumber)).map { from.adding(days: $0) }), "\(from)...\(to)")
            // At most six days on either side of the whole weeks at each end.
            XCTAssertLessThanOrEqual(pieces.filter { $0.grain == .day }.count, 24, "days only at the edges: \(pieces)")
        }
    }

    func testAPeriodReachingTheLastAnswerMayRunOnOnlyOverEmptyDays() {
        for _ in 0..<2_000 {
            let a = randomDay(), b = randomDay(), c = randomDay()
            let (from, to) = (min(a, b), max(a, b))
            let latest = min(c, to)

            let pieces = PeriodCover.pieces(from: from, to: to, noAnswersAfter: latest)

            let days = pieces.flatMap(PeriodCover.days(of:))
            XCTAssertEqual(days.count, Set(days).count, "pieces overlap: \(pieces)")
            // Every day of the span is covered, and any other covered day is after the last answer.
            let span = Set((0...(to.dayNumber - from.dayNumber)).map { from.adding(days: $0) })
            XCTAssertTrue(span.isSubset(of: Set(days)), "\(from)...\(to) not covered by \(pieces)")
            XCTAssertTrue(Set(days).subtracting(span).allSatisfy { $0 > latest }, "\(from)...\(to), latest \(latest): \(pieces)")
            XCTAssertLessThanOrEqual(pieces.count, PeriodCover.pieces(from: from, to: to).count)
        }
    }

    func testTheLastTwelveMonthsUpToTodayAreThreeRows() {
        // Monday 24.11.2025 to Monday 23.11.2026, nothing dated after today.
        let today = CalendarDay(year: 2026, month: 11, day: 23)!

        let pieces = PeriodCover.pieces(from: CalendarDay(year: 2025, month: 11, day: 24)!, to: today, noAnswersAfter: today)
        let past = PeriodCover.pieces(from: CalendarDay(year: 2025, month: 11, day: 24)!, to: today, noAnswersAfter: CalendarDay(year: 2026, month: 12, day: 5)!)

        XCTAssertEqual(pieces, [PeriodPiece(.week, 2025_48), PeriodPiece(.month, 2025_12), PeriodPiece(.year, 2026)])
        XCTAssertEqual(past, PeriodCover.pieces(from: CalendarDay(year: 2025, month: 11, day: 24)!, to: today), "answers after the end: exact cover")
    }

    func testACalendarYearIsOneYearRowAndTwelveMonthsFromMidMonthAreElevenMonthsAndEdges() {
        let year = PeriodCover.pieces(from: CalendarDay(year: 2026, month: 1, day: 1)!, to: CalendarDay(year: 2026, month: 12, day: 31)!)
        let rolling = PeriodCover.pieces(from: CalendarDay(year: 2025, month: 12, day: 1)!, to: CalendarDay(year: 2026, month: 11, day: 30)!)
        XCTAssertEqual(year, [PeriodPiece(.year, 2026)])
        XCTAssertEqual(rolling, [PeriodPiece(.month, 2025_12)] + (1...11).map { PeriodPiece(.month, 2026_00 + $0) })
    }

    func testMidMonthSpanUsesWholeWeeksAndEdgeDays() {
        // Wednesday 2026-11-04 to Monday 2026-11-23: days Wed–Sun, weeks 46 and 47, then Monday.
        let pieces = PeriodCover.pieces(from: CalendarDay(year: 2026, month: 11, day: 4)!, to: CalendarDay(year: 2026, month: 11, day: 23)!)
        XCTAssertEqual(pieces, [
            PeriodPiece(.day, 2026_11_04), PeriodPiece(.day, 2026_11_05), PeriodPiece(.day, 2026_11_06),
            PeriodPiece(.day, 2026_11_07), PeriodPiece(.day, 2026_11_08),
            PeriodPiece(.week, 2026_46), PeriodPiece(.week, 2026_47), PeriodPiece(.day, 2026_11_23),
        ])
    }

    func testBucketsCutTheSpanIntoMonthsOrWeeksInOrder() {
        for bucket in [PeriodCover.Bucket.month, .week] {
            for _ in 0..<300 {
                let a = randomDay(), b = randomDay()
                let (from, to) = (min(a, b), max(a, b))

                let buckets = PeriodCover.buckets(from: from, to: to, by: bucket)

                let days = buckets.flatMap { $0.pieces.flatMap(PeriodCover.days(of:)) }
                XCTAssertEqual(days, (0...(to.dayNumber - from.dayNumber)).map { from.adding(days: $0) }, "\(bucket) \(from)...\(to)")
                for (key, pieces) in buckets {
                    for day in pieces.flatMap(PeriodCover.days(of:)) {
                        XCTAssertEqual(bucket == .month ? day.monthKey : day.isoWeekKey, key)
                    }
                }
                XCTAssertEqual(buckets.map(\.key), buckets.map(\.key).sorted())
            }
        }
    }
}
