import XCTest
@testable import KaikuCore

final class FiguresTests: XCTestCase {

    private let policy = SuppressionPolicy(minimumN: 5)

    private func figures(_ tally: Tally, order: [String] = [], policy: SuppressionPolicy? = nil) -> Figures {
        Figures(tally: tally, statementOrder: order, policy: policy ?? self.policy)
    }

    private func statement(_ id: String, in figures: Figures, file: StaticString = #filePath, line: UInt = #line) throws -> Figures.Statement {
        try XCTUnwrap(figures.statements.first { $0.id == id }, "no statement \(id)", file: file, line: line)
    }

    // MARK: Recommendation

    func testRecommendationFiguresAreSuppressedBelowMinimumN() {
        // Arrange: four answers, one short of the minimum.
        let tally = makeTally(recommendations: [10, 9, 8, 2])

        // Act
        let result = figures(tally)

        // Assert
        XCTAssertNil(result.nps)
        XCTAssertNil(result.promoters)
        XCTAssertNil(result.passives)
        XCTAssertNil(result.detractors)
        XCTAssertEqual(result.n, 4)
        XCTAssertEqual(result.recommendationAnswers, 4)
    }

    func testRecommendationFiguresAreShownAtExactlyMinimumN() {
        // Arrange: 10, 9, 9 promoters, 8 passive, 2 detractor: (3 − 1) / 5 = 40.
        let tally = makeTally(recommendations: [10, 9, 9, 8, 2])

        // Act
        let result = figures(tally)

        // Assert
        XCTAssertEqual(result.nps, 40)
        XCTAssertEqual(result.promoters, 3)
        XCTAssertEqual(result.passives, 1)
        XCTAssertEqual(result.detractors, 1)
        XCTAssertEqual(result.n, 5)
    }

    func testResponseCountIsGivenEvenWhenRecommendationIsSuppressed() {
        // Arrange: nine responses, only two of which answered the recommendation question.
        let tally = makeTally(recommendations: [10, 0], responses: 9)

        // Act
        let result = figures(tally)

        // Assert
        XCTAssertEqual(result.n, 9)
        XCTAssertEqual(result.recommendationAnswers, 2)
        XCTAssertNil(result.nps)
    }

    func testRecommendationIsSuppressedByItsAnswersNotByResponses() {
        // Arrange: twenty responses but only three recommendation answers.
        let tally = makeTally(recommendations: [10, 10, 10], responses: 20)

        // Act
        let result = figures(tally)

        // Assert
        XCTAssertNil(result.nps)
        XCTAssertNil(result.promoters)
    }

    func testNoAnswersAreNeverShownEvenWithTheSmallestMinimum() {
        // Arrange: a minimum of 0 is raised to 1, so an empty group still shows nothing.
        let lenient = SuppressionPolicy(minimumN: 0)

        // Act
        let result = figures(.empty, order: ["s1"], policy: lenient)

        // Assert
        XCTAssertNil(result.nps)
        XCTAssertNil(result.promoters)
        XCTAssertNil(result.statements.first?.mean)
        XCTAssertEqual(result.n, 0)
    }

    // MARK: Statements

    func testShownStatementHasMeanDistributionAndCannotSay() throws {
        // Arrange: answers 1, 3, 4, 4, 5 and two "cannot say": mean 17 / 5 = 3.4.
        let tally = makeTally(statements: ["s1": [1, 3, 4, 4, 5, 0, 0]])

        // Act
        let shown = try statement("s1", in: figures(tally, order: ["s1"]))

        // Assert
        XCTAssertEqual(shown.n, 5)
        XCTAssertEqual(try XCTUnwrap(shown.mean), 3.4, accuracy: 0.000_1)
        XCTAssertEqual(shown.distribution, [1, 0, 1, 2, 1])
        XCTAssertEqual(shown.cannotSay, 2)
    }

    func testStatementsAreSuppressedIndependentlyByTheirOwnN() throws {
        // Arrange: s1 has five scale answers; s2 four plus three "cannot say",
        // which do not count towards its base.
        let tally = makeTally(statements: [
            "s1": [5, 5, 4, 4, 3],
            "s2": [5, 5, 5, 5, 0, 0, 0],
        ])

        // Act
        let result = figures(tally, order: ["s1", "s2"])
        let shown = try statement("s1", in: result)
        let hidden = try statement("s2", in: result)

        // Assert
        XCTAssertNotNil(shown.mean)
        XCTAssertNotNil(shown.distribution)
        XCTAssertNotNil(shown.cannotSay)
        XCTAssertEqual(hidden.n, 4)
        XCTAssertNil(hidden.mean)
        XCTAssertNil(hidden.distribution)
        XCTAssertNil(hidden.cannotSay)
    }

    func testStatementIsShownEvenWhenRecommendationIsSuppressed() throws {
        // Arrange
        let tally = makeTally(recommendations: [10], statements: ["s1": [2, 2, 2, 2, 2]])

        // Act
        let result = figures(tally, order: ["s1"])

        // Assert
        XCTAssertNil(result.nps)
        XCTAssertEqual(try statement("s1", in: result).mean, 2.0)
    }

    func testStatementsFollowTheGivenOrder() {
        // Arrange
        let tally = makeTally(statements: ["a": [1], "b": [2], "c": [3]])
        let order = ["c", "a", "b"]

        // Act
        let result = figures(tally, order: order)

        // Assert
        XCTAssertEqual(result.statements.map(\.id), order)
    }

    func testStatementsNotInTheOrderAreLeftOut() {
        // Arrange
        let tally = makeTally(statements: ["a": [1], "b": [2]])

        // Act
        let result = figures(tally, order: ["b"])

        // Assert
        XCTAssertEqual(result.statements.map(\.id), ["b"])
    }

    func testUnknownStatementHasZeroNAndNoMean() throws {
        // Arrange
        let tally = makeTally(recommendations: [9, 9, 9, 9, 9], statements: ["s1": [4, 4, 4, 4, 4]])

        // Act
        let unknown = try statement("never-asked", in: figures(tally, order: ["s1", "never-asked"]))

        // Assert
        XCTAssertEqual(unknown.n, 0)
        XCTAssertNil(unknown.mean)
        XCTAssertNil(unknown.distribution)
    }
}
