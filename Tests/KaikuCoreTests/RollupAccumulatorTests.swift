import Foundation
import XCTest
@testable import KaikuCore

final class RollupAccumulatorTests: XCTestCase {
    private let units = (0..<4).map { _ in UUID() }
    private let survey = UUID()

    private func randomAnswers(_ count: Int, seed: UInt64) -> [RollupAnswer] {
        var random = SeededGenerator(seed: seed)
        let start = CalendarDay(year: 2025, month: 12, day: 20)!
        return (0..<count).map { _ in
            let pick = { (n: Int) in Int(random.next() % UInt64(n)) }
            return RollupAnswer(
                organisationID: survey, unitID: units[pick(units.count)], surveyID: survey, day: start.adding(days: pick(120)),
                channel: ["web", "kiosk", "sms"][pick(3)], language: ["fi", "sv", "en"][pick(3)],
                respondent: [nil, "self", "relative"][pick(3)], ageGroup: [nil, "18-29", "65-74"][pick(3)],
                recommendation: pick(12) == 11 ? nil : pick(11),
                statements: (0..<7).compactMap { slot in pick(4) == 0 ? nil : (slot, pick(6)) })
        }
    }

    func testWeeksAndMonthsDerivedFromDaysEqualCountingEveryGrainDirectly() {
        let answers = randomAnswers(3_000, seed: 7)
        var direct = RollupAccumulator()
        var derived = RollupAccumulator()

        for answer in answers {
            direct.add(answer)
            derived.add(answer, grains: [.day])
        }
        derived.addingCoarserGrains()

        XCTAssertEqual(direct.rows, derived.rows)
    }

    func testEveryDimensionCountsEachAnswerOnceAndThemesOnlyThemedAnswers() {
        // Every third answer has themed open text.
        let answers = randomAnswers(2_000, seed: 11).enumerated().map { index, answer in
            var answer = answer
            if index % 3 == 0 { answer.themes = ThemeRollupValue(openText: true, themes: ",thanks,", sentiment: "positive")?.rawValue }
            return answer
        }
        var accumulator = RollupAccumulator()
        for answer in answers { accumulator.add(answer, grains: [.month]) }

        for dimension in RollupDimension.allCases {
            let total = accumulator.rows.filter { $0.key.dimension == dimension }.values.reduce(0) { $0 + $1.responses }
            XCTAssertEqual(total, dimension == .themes ? answers.filter { $0.themes != nil }.count : answers.count, "\(dimension)")
        }
        XCTAssertEqual(Set(accumulator.rows.keys.filter { $0.dimension == .themes }.map(\.value)), [",thanks,|positive"])
        let sevens = accumulator.rows.filter { $0.key.dimension == .all }.values.reduce(0) { $0 + $1.recommendation(7) }
        XCTAssertEqual(sevens, answers.filter { $0.recommendation == 7 }.count)
    }

    func testCountsBecomeATallyWithTheSurveysStatementIDs() {
        var counts = RollupCounts()
        counts.add(RollupAnswer(organisationID: survey, unitID: units[0], surveyID: survey, day: CalendarDay(year: 2026, month: 1, day: 1)!, channel: "web",
                                language: "fi", respondent: nil, ageGroup: nil, recommendation: 9, statements: [(0, 5), (2, 0)]))

        let tally = counts.tally(statementIDs: ["smooth_access", "help_when_needed", "treated_respectfully"])

        XCTAssertEqual(tally.responses, 1)
        XCTAssertEqual(tally.promoters, 1)
        XCTAssertEqual(tally.statements["smooth_access"], [0, 0, 0, 0, 0, 1])
        XCTAssertEqual(tally.statements["treated_respectfully"], [1, 0, 0, 0, 0, 0])
        XCTAssertNil(tally.statements["help_when_needed"], "a statement nobody answered is absent, as in a scan")
        XCTAssertEqual(counts.slotsInUse, 3)
        XCTAssertEqual(RollupCounts().slotsInUse, 0)
    }
}
