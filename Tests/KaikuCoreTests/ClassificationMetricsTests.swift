import XCTest
@testable import KaikuCore

/// The evaluation's arithmetic, on counts small enough to check by hand.
final class ClassificationMetricsTests: XCTestCase {

    func testPrecisionRecallAndF1PerTheme() {
        // Arrange
        var metrics = ClassificationMetrics(themes: ["a", "b"])

        // Act: "a" labelled 3 times, found twice, given once wrongly.
        metrics.add(expected: .init(themes: ["a"], sentiment: .negative), predicted: .init(themes: ["a"], sentiment: .negative))
        metrics.add(expected: .init(themes: ["a", "b"], sentiment: .mixed), predicted: .init(themes: ["a"], sentiment: .positive))
        metrics.add(expected: .init(themes: ["a"], sentiment: .positive), predicted: .init(themes: [], sentiment: .positive))
        metrics.add(expected: .init(themes: [], sentiment: .neutral), predicted: .init(themes: ["a", "x"], sentiment: .neutral))

        // Assert
        let a = metrics.themes["a"]!
        XCTAssertEqual(a.truePositives, 2)
        XCTAssertEqual(a.falsePositives, 1)
        XCTAssertEqual(a.falseNegatives, 1)
        XCTAssertEqual(a.precision, 2.0 / 3, accuracy: 1e-9)
        XCTAssertEqual(a.recall, 2.0 / 3, accuracy: 1e-9)
        XCTAssertEqual(a.f1, 2.0 / 3, accuracy: 1e-9)
        XCTAssertEqual(metrics.themes["b"]!.f1, 0)
        XCTAssertEqual(metrics.macroF1(over: ["a", "b"]), 1.0 / 3, accuracy: 1e-9)
        XCTAssertNil(metrics.themes["x"], "themes outside the measured ones are ignored")
    }

    func testSentimentAccuracyAndConfusion() {
        // Arrange
        var metrics = ClassificationMetrics(themes: [])

        // Act
        metrics.add(expected: .init(themes: [], sentiment: .negative), predicted: .init(themes: [], sentiment: .negative))
        metrics.add(expected: .init(themes: [], sentiment: .mixed), predicted: .init(themes: [], sentiment: .positive))
        metrics.add(expected: .init(themes: [], sentiment: .neutral), predicted: .init(themes: [], sentiment: .neutral))
        metrics.add(expected: .init(themes: [], sentiment: .mixed), predicted: .init(themes: [], sentiment: .positive))

        // Assert
        XCTAssertEqual(metrics.sentimentAccuracy, 0.5, accuracy: 1e-9)
        let mixed = Sentiment.allCases.firstIndex(of: .mixed)!, positive = Sentiment.allCases.firstIndex(of: .positive)!
        XCTAssertEqual(metrics.confusion[mixed][positive], 2)
        XCTAssertEqual(metrics.confusion.flatMap { $0 }.reduce(0, +), 4)
    }

    func testAThemeNeitherLabelledNorGivenScoresOne() {
        // Arrange
        var metrics = ClassificationMetrics(themes: ["a"])

        // Act
        metrics.add(expected: .init(themes: [], sentiment: .neutral), predicted: .init(themes: [], sentiment: .neutral))

        // Assert
        XCTAssertEqual(metrics.themes["a"]!.f1, 1)
    }

    func testEvaluationItemsParseAndABadLineIsNamed() throws {
        // Arrange
        let good = #"{"id":"fi-1","split":"train","language":"fi","text":"Kiitos!","themes":["thanks"],"sentiment":"positive"}"#
        let bad = #"{"id":"fi-2","split":"later","language":"fi","text":"x","themes":[],"sentiment":"neutral"}"#

        // Act
        let items = try EvaluationItem.parse(jsonLines: good + "\n\n" + good + "\n")

        // Assert
        XCTAssertEqual(items.count, 2)
        XCTAssertEqual(items[0].labelled.themes, ["thanks"])
        XCTAssertThrowsError(try EvaluationItem.parse(jsonLines: good + "\n" + bad)) { error in
            XCTAssertEqual(error as? EvaluationItem.LineError, EvaluationItem.LineError(line: 2))
        }
    }

    func testNewThemeCorrectionsAreTwentyWithHalfAboutTheTheme() {
        // Arrange
        let items = (0..<40).map { index in
            EvaluationItem(id: "x-\(index)", split: .train, language: Language.allCases[index % 3], text: "t\(index)",
                           themes: index % 4 == 0 ? ["parking"] : [], sentiment: .neutral)
        }

        // Act
        let corrections = ClassifierEvaluation.newThemeCorrections(from: items)

        // Assert
        XCTAssertEqual(corrections.count, ClassifierEvaluation.newThemeExamples)
        XCTAssertEqual(corrections.filter { $0.themes.contains("parking") }.count, 10)
    }
}
