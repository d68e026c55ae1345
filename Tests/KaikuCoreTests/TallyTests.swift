import XCTest
@testable import KaikuCore

final class TallyTests: XCTestCase {

    private func randomTallies(count: Int, seed: UInt64) -> [Tally] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in randomTally(using: &generator) }
    }

    func testAdditionSumsEveryCountFieldByField() {
        for seed in UInt64(1)...50 {
            // Arrange
            let tallies = randomTallies(count: 2, seed: seed)

            // Act
            let sum = tallies[0] + tallies[1]

            // Assert
            XCTAssertEqual(sum, fieldwiseSum(tallies), "seed \(seed)")
        }
    }

    func testAdditionIsCommutative() {
        for seed in UInt64(1)...100 {
            // Arrange
            let tallies = randomTallies(count: 2, seed: seed)
            let (a, b) = (tallies[0], tallies[1])

            // Act
            let ab = a + b
            let ba = b + a

            // Assert
            XCTAssertEqual(ab, ba, "seed \(seed)")
        }
    }

    func testAdditionIsAssociative() {
        for seed in UInt64(1)...100 {
            // Arrange
            let tallies = randomTallies(count: 3, seed: seed)
            let (a, b, c) = (tallies[0], tallies[1], tallies[2])

            // Act
            let left = (a + b) + c
            let right = a + (b + c)

            // Assert
            XCTAssertEqual(left, right, "seed \(seed)")
        }
    }

    func testEmptyTallyAddsNothing() {
        // Arrange
        let tally = randomTallies(count: 1, seed: 7)[0]

        // Act
        let sum = tally + .empty

        // Assert
        XCTAssertEqual(sum, tally)
    }

    func testMutatingAddMatchesPlus() {
        // Arrange
        let tallies = randomTallies(count: 2, seed: 42)
        var accumulated = tallies[0]

        // Act
        accumulated.add(tallies[1])

        // Assert
        XCTAssertEqual(accumulated, tallies[0] + tallies[1])
        XCTAssertEqual(accumulated, fieldwiseSum(tallies))
    }

    func testScoresNineAndTenArePromoters() {
        // Arrange
        let tally = makeTally(recommendations: [9, 10, 10])

        // Act & Assert
        XCTAssertEqual(tally.promoters, 3)
        XCTAssertEqual(tally.passives, 0)
        XCTAssertEqual(tally.detractors, 0)
    }

    func testScoresSevenAndEightArePassives() {
        // Arrange
        let tally = makeTally(recommendations: [7, 8])

        // Act & Assert
        XCTAssertEqual(tally.promoters, 0)
        XCTAssertEqual(tally.passives, 2)
        XCTAssertEqual(tally.detractors, 0)
    }

    func testScoresZeroToSixAreDetractors() {
        // Arrange
        let tally = makeTally(recommendations: Array(0...6))

        // Act & Assert
        XCTAssertEqual(tally.promoters, 0)
        XCTAssertEqual(tally.passives, 0)
        XCTAssertEqual(tally.detractors, 7)
    }

    func testBucketsPartitionRandomScores() {
        // Arrange: random scores, bucketed here by the national definition.
        var generator = SeededGenerator(seed: 2026)
        let scores = (0..<500).map { _ in Int.random(in: 0...10, using: &generator) }
        let expectedPromoters = scores.filter { $0 >= 9 }.count
        let expectedPassives = scores.filter { $0 == 7 || $0 == 8 }.count
        let expectedDetractors = scores.filter { $0 <= 6 }.count

        // Act
        let tally = makeTally(recommendations: scores)

        // Assert
        XCTAssertEqual(tally.promoters, expectedPromoters)
        XCTAssertEqual(tally.passives, expectedPassives)
        XCTAssertEqual(tally.detractors, expectedDetractors)
        XCTAssertEqual(tally.recommendationAnswers, scores.count)
    }

    func testStatementAnswersAreCountedByValueWithCannotSayAtIndexZero() {
        // Arrange
        var tally = Tally.empty

        // Act
        tally.add(statement: "s1", value: 0)
        tally.add(statement: "s1", value: 4, count: 3)
        tally.add(statement: "s1", value: 5)

        // Assert
        XCTAssertEqual(tally.statements["s1"], [1, 0, 0, 0, 3, 1])
        XCTAssertNil(tally.statements["s2"])
    }
}
