import XCTest
@testable import KaikuCore

/// The stored second stage (`ThemeStacker+Stored.swift`) must have been trained with this build's
/// features and built-in examples: otherwise its weights read inputs that mean something else.
final class ThemeStackerFreshnessTests: XCTestCase {

    func testStoredSecondStageWasMadeFromTheseFeaturesAndBuiltInExamples() {
        // Arrange
        let stored = ThemeStacker.stored

        // Act
        let current = ThemeStacker.current

        // Assert
        XCTAssertEqual(stored.knowledge, FeedbackClassifier.currentKnowledge,
                       "the features or built-in examples changed: run bash scripts/generate-stage2-weights.sh")
        XCTAssertNotNil(current, "run bash scripts/generate-stage2-weights.sh")
    }

    func testStoredSecondStageHasOneRegressionPerDefaultTheme() {
        // Arrange
        let weights = ThemeStacker.stored.weights

        // Act
        let shapes = weights.map(\.count)

        // Assert
        XCTAssertEqual(shapes, [Int](repeating: ThemeStacker.inputCount, count: Theme.allCases.count),
                       "run bash scripts/generate-stage2-weights.sh")
        XCTAssertTrue(weights.joined().allSatisfy(\.isFinite))
    }
}
