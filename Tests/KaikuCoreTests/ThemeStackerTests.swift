import XCTest
@testable import KaikuCore

/// The second stage of the default themes: it re-scores only the seven defaults, gives back the
/// first stage when its weights say "stage 1 alone", and never hides what a correction taught.
final class ThemeStackerTests: XCTestCase {

    static let defaults = Theme.allCases.map(\.rawValue)

    /// A second stage that says "no" to every default theme, whatever the first stage said.
    static let sayingNo = ThemeStacker(knowledge: "test", weights: defaults.indices.map { _ in
        [-20] + [Double](repeating: 0, count: ThemeStacker.inputCount - 1)
    })

    func testTheSecondStageLeavesAnOwnThemesProbabilityAsTheFirstStageGaveIt() throws {
        // Arrange
        let classifier = FeedbackClassifier.train(on: FeedbackClassifierTests.parkingCorrections,
                                                  themes: Self.defaults + ["parking"], base: FeedbackClassifierTests.smallBase)
        let text = "Parkkipaikkoja ei löytynyt ollenkaan, jouduin jättämään auton kauas."

        // Act
        let first = try XCTUnwrap(classifier.scores(text, language: .fi, stacker: nil))
        let second = try XCTUnwrap(classifier.scores(text, language: .fi, stacker: Self.sayingNo))

        // Assert (to a rounding: a feature vector's sum runs in hash order, which varies between runs)
        XCTAssertEqual(try XCTUnwrap(second.themes.last), try XCTUnwrap(first.themes.last), accuracy: 1e-5,
                       "parking keeps the first stage's probability")
        XCTAssertGreaterThan(try XCTUnwrap(first.themes.last), 0.5)
        XCTAssertEqual(Array(second.themes.prefix(Self.defaults.count)), [Float](repeating: 0, count: Self.defaults.count),
                       accuracy: 1e-6)
        XCTAssertEqual(second.sentiment, first.sentiment, accuracy: 1e-5)
    }

    func testWeightsOfStageOneAloneGiveBackTheFirstStage() throws {
        // Arrange
        let classifier = FeedbackClassifier.train(on: [], themes: Self.defaults, base: FeedbackClassifierTests.smallBase)
        let identity = ThemeStacker(knowledge: "test", weights: Self.defaults.indices.map(ThemeStacker.stageOneAlone))
        let text = "Ajanvaraus netissä ei toiminut, mutta puhelimessa sain ajan heti. Kiitos!"

        // Act
        let first = try XCTUnwrap(classifier.scores(text, language: .fi, stacker: nil))
        let second = try XCTUnwrap(classifier.scores(text, language: .fi, stacker: identity))

        // Assert
        XCTAssertEqual(second.themes, first.themes, accuracy: 1e-4)
    }

    func testTheStoredSecondStageChangesTheDefaultThemesProbabilities() throws {
        // Arrange
        let stacker = try XCTUnwrap(ThemeStacker.current, "the stored second stage is this build's")
        let classifier = FeedbackClassifier.train(on: [], themes: Self.defaults, base: FeedbackClassifierTests.smallBase)
        let text = "Lääkäri oli asiallinen, mutta jonotin kaksi tuntia eikä kukaan kertonut miksi."

        // Act
        let first = try XCTUnwrap(classifier.scores(text, language: .fi, stacker: nil))
        let second = try XCTUnwrap(classifier.scores(text, language: .fi, stacker: stacker))

        // Assert
        XCTAssertNotEqual(second.themes, first.themes)
        XCTAssertTrue(second.themes.allSatisfy { (0...1).contains($0) })
    }

    func testACorrectionIsStillGivenToItsCommentAfterRetrainingWithTheSecondStage() throws {
        // Arrange
        let text = "Kävin neuvolassa tiistaina ja juttelin terveydenhoitajan kanssa vauvan unesta."
        let theme = Theme.guidance.rawValue
        let untrained = FeedbackClassifier.untrained()
        let correction = LabelledFeedback(text: text, language: .fi, themes: [theme], sentiment: .neutral, weight: 3)
        XCTAssertNotNil(ThemeStacker.current)
        XCTAssertFalse(untrained.classify(text, language: .fi).themes.contains(theme), "a comment the built-in knowledge files elsewhere")

        // Act
        let corrected = FeedbackClassifier.train(on: [correction], themes: Self.defaults)

        // Assert
        XCTAssertTrue(corrected.classify(text, language: .fi).themes.contains(theme), "\(corrected.classify(text, language: .fi))")
        XCTAssertFalse(untrained.classify(text, language: .fi).themes.contains(theme), "another organisation's results stay as they were")
    }
}

private func XCTAssertEqual(_ a: [Float], _ b: [Float], accuracy: Float, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.count, b.count, file: file, line: line)
    for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: accuracy, "\(a) against \(b)", file: file, line: line) }
}
