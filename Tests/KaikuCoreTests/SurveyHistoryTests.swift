import XCTest
@testable import KaikuCore

final class SurveyHistoryTests: XCTestCase {
    private typealias F = SurveyTestFixtures

    func testReportsListTheStatementsInForceThenThoseDroppedSinceEachOnce() throws {
        let second = try F.version(2, [F.statement("parking"), F.statement("waiting")])
        let third = try F.version(3, [F.statement("waiting"), F.statement("signage"), F.choice("visit_kind")])

        let history = SurveyHistory(current: third, earlier: [F.national, second, third])

        XCTAssertEqual(history.reportStatementOrder, ["smooth_access", "felt_safe", "waiting", "signage", "parking"])
        XCTAssertEqual(history.droppedStatements, ["parking"])
        XCTAssertEqual(history.retiredQuestionIDs, ["parking"])
    }

    func testWithOnlyTheNationalCoreNothingIsDroppedOrRetired() {
        let history = SurveyHistory(current: F.national, earlier: [F.national])

        XCTAssertEqual(history.reportStatementOrder, ["smooth_access", "felt_safe"])
        XCTAssertEqual(history.droppedStatements, [])
        XCTAssertEqual(history.retiredQuestionIDs, [])
    }

    func testAStatementKeepsItsIdWhileItsSlotMovesFromVersionToVersion() throws {
        let second = try F.version(2, [F.statement("parking"), F.statement("waiting")])
        let third = try F.version(3, [F.statement("waiting")])

        // "waiting" is the fourth statement slot in version 2 and the third in version 3.
        XCTAssertEqual(second.statements.firstIndex { $0.id == "waiting" }, 3)
        XCTAssertEqual(third.statements.firstIndex { $0.id == "waiting" }, 2)
        var counts2 = RollupCounts(), counts3 = RollupCounts()
        counts2.add(answer(statements: [(3, 4)]))
        counts3.add(answer(statements: [(2, 2)]))
        var tally = counts2.tally(statementIDs: second.statements.map(\.id))
        tally.add(counts3.tally(statementIDs: third.statements.map(\.id)))

        XCTAssertEqual(tally.statements["waiting"], [0, 0, 1, 0, 1, 0])
        XCTAssertNil(tally.statements["parking"])
    }

    func testADroppedStatementShowsOnlyWhereItHasAnswersAndTheOthersAlways() {
        var tally = Tally()
        tally.add(statement: "parking", value: 4, count: 2)

        let withAnswers = Figures(tally: tally, statementOrder: ["felt_safe", "parking", "gone"], answeredOnly: ["parking", "gone"],
                                  policy: SuppressionPolicy(minimumN: 1))

        XCTAssertEqual(withAnswers.statements.map(\.id), ["felt_safe", "parking"])
        XCTAssertEqual(withAnswers.statements.map(\.n), [0, 2])
    }

    private func answer(statements: [(slot: Int, value: Int)]) -> RollupAnswer {
        RollupAnswer(organisationID: UUID(), unitID: UUID(), surveyID: UUID(), day: CalendarDay(year: 2026, month: 1, day: 5)!,
                     channel: "web", language: "fi", respondent: nil, ageGroup: nil, recommendation: nil, statements: statements)
    }
}
