import KaikuCore
import XCTest

/// Theme figures from counted groups: each theme once per answer, negative
/// and mixed together, months in order, and a rise only with enough answers.
final class ThemeFiguresTests: XCTestCase {
    private let codes = ["care", "premises", "thanks"]
    private let months = [202603, 202604]

    func testAnAnswerCountsOnceInEachOfItsThemesAndMixedCountsAsNegative() {
        let figures = ThemeFigures(groups: [
            .init(bucket: 202603, themes: ["care", "thanks"], sentiment: .mixed, n: 2),
            .init(bucket: 202604, themes: ["care", "care"], sentiment: .negative, n: 1),
            .init(bucket: 202604, themes: ["thanks"], sentiment: .positive, n: 3),
            .init(bucket: 202604, themes: ["removed-theme"], sentiment: .negative, n: 9),
        ], codes: codes, months: months)

        XCTAssertEqual(figures.entries.map(\.code), codes, "every theme of the catalogue, in its order")
        XCTAssertEqual(figures.entries[0].count, 3)
        XCTAssertEqual(figures.entries[0].negativeOrMixed, 3)
        XCTAssertEqual(figures.entries[0].byMonth, [2, 1])
        XCTAssertEqual(figures.entries[2].negativeOrMixed, 2, "the positive thanks are not negative")
        XCTAssertEqual(figures.entries[1].count, 0)
    }

    func testTheRiseNeedsEnoughAnswersAndPicksTheLargestChange() {
        let figures = ThemeFigures(groups: [
            .init(bucket: 0, themes: ["care"], sentiment: .neutral, n: 10),
            .init(bucket: 202603, themes: ["care"], sentiment: .neutral, n: 16),
            .init(bucket: 202603, themes: ["premises"], sentiment: .neutral, n: 9),
            .init(bucket: 202604, themes: ["thanks"], sentiment: .positive, n: 12),
            .init(bucket: 0, themes: ["thanks"], sentiment: .positive, n: 4),
        ], codes: codes, months: months)

        XCTAssertEqual(figures.rise?.code, "thanks", "+8 beats +6; premises has too few answers to count")
        XCTAssertEqual(figures.rise?.relativeChange, 2.0)
        let few = ThemeFigures(groups: [.init(bucket: 202603, themes: ["care"], sentiment: .negative, n: 3)], codes: codes, months: months)
        XCTAssertNil(few.rise, "1 → 3 or 0 → 3 is no trend")
    }

    func testMonthsCoverThePeriodAcrossAYearsEnd() {
        let months = ThemeFigures.months(from: CalendarDay(year: 2025, month: 11, day: 20)!, to: CalendarDay(year: 2026, month: 2, day: 1)!)
        XCTAssertEqual(months, [202511, 202512, 202601, 202602])
    }
}
