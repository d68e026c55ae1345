import XCTest
@testable import KaikuCore

final class ScoreTests: XCTestCase {

    /// Statement counts indexed 0 ("cannot say") to 5.
    private func counts(cannotSay: Int = 0, _ one: Int, _ two: Int, _ three: Int, _ four: Int, _ five: Int) -> [Int] {
        [cannotSay, one, two, three, four, five]
    }

    // MARK: NPS

    func testNPSIsHundredWhenEveryoneIsAPromoter() {
        // Arrange
        let answers = 7

        // Act
        let nps = Score.nps(promoters: answers, detractors: 0, answers: answers)

        // Assert
        XCTAssertEqual(nps, 100)
    }

    func testNPSIsMinusHundredWhenEveryoneIsADetractor() {
        // Arrange
        let answers = 7

        // Act
        let nps = Score.nps(promoters: 0, detractors: answers, answers: answers)

        // Assert
        XCTAssertEqual(nps, -100)
    }

    func testNPSIsZeroWhenOnlyPassivesAnswered() {
        // Arrange: 4 answers, all 7 or 8.
        let answers = 4

        // Act
        let nps = Score.nps(promoters: 0, detractors: 0, answers: answers)

        // Assert
        XCTAssertEqual(nps, 0)
    }

    func testNPSIsNilWithoutAnswers() {
        // Act
        let nps = Score.nps(promoters: 0, detractors: 0, answers: 0)

        // Assert
        XCTAssertNil(nps)
    }

    func testNPSRoundsPositiveHalfAwayFromZero() {
        // Arrange: 1 promoter of 8 answers is 12.5 %.
        let (promoters, detractors, answers) = (1, 0, 8)

        // Act
        let nps = Score.nps(promoters: promoters, detractors: detractors, answers: answers)

        // Assert
        XCTAssertEqual(nps, 13)
    }

    func testNPSRoundsNegativeHalfAwayFromZero() {
        // Arrange: 1 detractor of 8 answers is −12.5 %.
        let (promoters, detractors, answers) = (0, 1, 8)

        // Act
        let nps = Score.nps(promoters: promoters, detractors: detractors, answers: answers)

        // Assert
        XCTAssertEqual(nps, -13)
    }

    func testNPSRoundsEveryHalfOfFortyAnswersAwayFromZero() {
        // Arrange: k of 40 answers is 2.5·k %; odd k land exactly on a half.
        for k in stride(from: 1, through: 39, by: 2) {
            let exactTimesTwo = 5 * k                  // 2 · 2.5·k, an odd integer
            let expected = (exactTimesTwo + 1) / 2     // half rounded up in magnitude

            // Act
            let positive = Score.nps(promoters: k, detractors: 0, answers: 40)
            let negative = Score.nps(promoters: 0, detractors: k, answers: 40)

            // Assert
            XCTAssertEqual(positive, expected, "\(k) promoters of 40")
            XCTAssertEqual(negative, -expected, "\(k) detractors of 40")
        }
    }

    func testNPSRoundsNonHalvesToNearest() {
        // Arrange: 1 of 3 is 33.3 % (down), 2 of 3 is 66.7 % (up).
        // Act
        let third = Score.nps(promoters: 1, detractors: 0, answers: 3)
        let twoThirds = Score.nps(promoters: 2, detractors: 0, answers: 3)
        let minusTwoThirds = Score.nps(promoters: 0, detractors: 2, answers: 3)

        // Assert
        XCTAssertEqual(third, 33)
        XCTAssertEqual(twoThirds, 67)
        XCTAssertEqual(minusTwoThirds, -67)
    }

    func testNPSOfMixedAnswersIsPromotersMinusDetractorsShare() {
        // Arrange: scores 10, 10, 9, 9, 9, 8, 7, 6, 3, 0, 5, 9 → 6 promoters,
        // 2 passives, 4 detractors of 12: (6 − 4) / 12 = 16.67 % → 17.
        let tally = makeTally(recommendations: [10, 10, 9, 9, 9, 8, 7, 6, 3, 0, 5, 9])

        // Act
        let nps = Score.nps(promoters: tally.promoters, detractors: tally.detractors, answers: tally.recommendationAnswers)

        // Assert
        XCTAssertEqual(nps, 17)
    }

    // MARK: Mean

    func testMeanLeavesCannotSayOut() {
        // Arrange: ten "cannot say" and two fives; counted as zeros they would give 0.83.
        let statementCounts = counts(cannotSay: 10, 0, 0, 0, 0, 2)

        // Act
        let mean = Score.mean(ofStatementCounts: statementCounts)

        // Assert
        XCTAssertEqual(mean, 5.0)
    }

    func testMeanIsRoundedToTwoDecimals() {
        // Arrange: (1 + 5 + 5) / 3 = 3.666… and (1 + 1 + 2) / 3 = 1.333…
        let upward = counts(1, 0, 0, 0, 2)
        let downward = counts(2, 1, 0, 0, 0)

        // Act
        let up = Score.mean(ofStatementCounts: upward)
        let down = Score.mean(ofStatementCounts: downward)

        // Assert
        XCTAssertEqual(try XCTUnwrap(up), 3.67, accuracy: 0.000_1)
        XCTAssertEqual(try XCTUnwrap(down), 1.33, accuracy: 0.000_1)
    }

    func testMeanOfHandWorkedMixedAnswers() {
        // Arrange: 2×1 + 3×2 + 4×3 + 6×4 + 5×5 = 69 over 20 answers = 3.45; 3 "cannot say".
        let statementCounts = counts(cannotSay: 3, 2, 3, 4, 6, 5)

        // Act
        let mean = Score.mean(ofStatementCounts: statementCounts)

        // Assert
        XCTAssertEqual(try XCTUnwrap(mean), 3.45, accuracy: 0.000_1)
    }

    func testMeanRoundsExactHalfHundredthsUp() {
        // Arrange: 41 / 40 = 1.025 and 87 / 40 = 2.175 exactly: halves, to be
        // rounded up like every other half, whatever their binary representation.
        let cases: [(counts: [Int], expected: Double)] = [
            (counts(39, 1, 0, 0, 0), 1.03),  // 39 + 2 = 41 over 40
            (counts(28, 0, 0, 1, 11), 2.18), // 28 + 4 + 55 = 87 over 40
            (counts(199, 1, 0, 0, 0), 1.01), // 199 + 2 = 201 over 200 = 1.005
        ]
        for (statementCounts, expected) in cases {
            // Act
            let mean = Score.mean(ofStatementCounts: statementCounts)

            // Assert
            XCTAssertEqual(try XCTUnwrap(mean), expected, accuracy: 0.000_1, "\(statementCounts)")
        }
    }

    func testMeanIsNilWhenOnlyCannotSayWasAnswered() {
        // Arrange
        let onlyCannotSay = counts(cannotSay: 4, 0, 0, 0, 0, 0)
        let nothing = counts(0, 0, 0, 0, 0)

        // Act & Assert
        XCTAssertNil(Score.mean(ofStatementCounts: onlyCannotSay))
        XCTAssertNil(Score.mean(ofStatementCounts: nothing))
    }
}
