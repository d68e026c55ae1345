import XCTest
@testable import KaikuCore

/// Which themes a classifier gives for its probabilities: the threshold, the cap of three, and
/// the floor that still gives the likeliest theme when none reaches the threshold.
final class FeedbackClassifierThemeChoiceTests: XCTestCase {

    static let codes = ["electronic-services", "signage-premises", "process-guidance", "thanks"]

    func testThemesReachingTheThresholdAreGivenLikeliestFirstAtMostThree() {
        // Arrange
        let scores: [Float] = [0.55, 0.9, 0.7, 0.6]

        // Act
        let chosen = FeedbackClassifier.chosenThemes(Self.codes, scores: scores)

        // Assert
        XCTAssertEqual(chosen, ["signage-premises", "process-guidance", "thanks"])
    }

    func testWhenNoThemeReachesTheThresholdTheLikeliestAboveTheFloorIsGivenAlone() {
        // Arrange
        let scores: [Float] = [0.1, FeedbackClassifier.themeFloor + 0.05, 0.2, FeedbackClassifier.themeFloor + 0.01]

        // Act
        let chosen = FeedbackClassifier.chosenThemes(Self.codes, scores: scores)

        // Assert
        XCTAssertEqual(chosen, ["signage-premises"])
    }

    func testWhenEveryThemeIsUnderTheFloorNoneIsGiven() {
        // Arrange
        let scores: [Float] = [0.1, FeedbackClassifier.themeFloor - 0.01, 0.05, 0]

        // Act
        let chosen = FeedbackClassifier.chosenThemes(Self.codes, scores: scores)

        // Assert
        XCTAssertEqual(chosen, [])
    }

    func testAnAnswerWithoutATopicStillGetsNoTheme() {
        // Arrange
        let classifier = FeedbackClassifier.untrained()
        let answers: [(String, Language)] = [("ok", .fi), ("en osaa sanoa", .fi), ("ingen åsikt", .sv), ("no comment", .en)]

        // Act
        let given = answers.map { classifier.classify($0.0, language: $0.1).themes }

        // Assert
        XCTAssertEqual(given, [[], [], [], []])
    }
}
