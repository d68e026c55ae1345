import Foundation
import XCTest
@testable import KaikuCore

/// An example's `weight`: how many times training counts it (the built-in examples of the
/// reference labeller count twice).
final class FeedbackClassifierWeightTests: XCTestCase {

    static let defaults = Theme.allCases.map(\.rawValue)
    static let base = FeedbackClassifierTests.smallBase
    static let probe = "Laskutukseen ei saanut yhteyttä ja lasku tuli kahteen kertaan."

    static func example(weight: Int?) -> LabelledFeedback {
        LabelledFeedback(text: "Sain laskun kahteen kertaan samasta käynnistä, oikaisu vaati kirjeen.", language: .fi,
                         themes: ["process-guidance"], sentiment: .negative, weight: weight)
    }

    static func scores(_ examples: [LabelledFeedback]) -> [Float] {
        FeedbackClassifier.train(on: examples, themes: defaults, base: base).rawScores(probe, language: .fi)?.themes ?? []
    }

    /// The largest difference between two score lists. Training sums over
    /// dictionaries, whose order changes with each process's hash seed, so
    /// equal trainings agree to rounding, not to the bit.
    static func distance(_ a: [Float], _ b: [Float]) -> Float {
        guard a.count == b.count else { return .infinity }
        return zip(a, b).map { abs($0 - $1) }.max() ?? 0
    }

    func testAnExampleWeighingTwoTeachesWhatTwoCopiesTeach() {
        // Arrange
        let copies = [Self.example(weight: nil), Self.example(weight: nil)]

        // Act
        let weighted = Self.scores([Self.example(weight: 2)])
        let twice = Self.scores(copies)
        let once = Self.scores([Self.example(weight: nil)])

        // Assert
        XCTAssertEqual(weighted.count, Self.defaults.count)
        XCTAssertLessThan(Self.distance(weighted, twice), 1e-5, "\(weighted) against \(twice)")
        XCTAssertGreaterThan(Self.distance(weighted, once), 1e-3, "a second copy teaches something")
    }

    func testAWeightBelowOneStillCountsTheExampleOnce() {
        // Act
        let zero = Self.scores([Self.example(weight: 0)])
        let negative = Self.scores([Self.example(weight: -3)])
        let once = Self.scores([Self.example(weight: nil)])

        // Assert
        XCTAssertEqual(once.count, Self.defaults.count)
        XCTAssertLessThan(Self.distance(zero, once), 1e-5, "\(zero) against \(once)")
        XCTAssertLessThan(Self.distance(negative, once), 1e-5, "\(negative) against \(once)")
    }

    func testAnEvaluationLineCarriesItsWeightIntoTraining() throws {
        // Arrange
        let line = #"{"id": "fi-1", "split": "train", "language": "fi", "text": "kiitos", "themes": ["thanks"], "sentiment": "positive", "weight": 2}"#
        let plain = #"{"id": "fi-2", "split": "train", "language": "fi", "text": "kiitos", "themes": ["thanks"], "sentiment": "positive"}"#

        // Act
        let items = try EvaluationItem.parse(jsonLines: line + "\n" + plain)

        // Assert
        XCTAssertEqual(items.map(\.labelled.weight), [2, nil])
    }

    func testBuiltInExamplesKeepTheirWeight() {
        // Act
        let weights = Set(BuiltInExamples.all.map(\.weight))

        // Assert
        XCTAssertEqual(weights, [nil, 2], "the reference labeller's examples count twice, the others once")
    }
}
