import Foundation
import XCTest
@testable import KaikuCore

/// An organisation's own theme is seeded by its name before anybody corrects anything, and
/// a stored classifier knows which build's features and built-in examples trained it.
final class FeedbackClassifierSeedTests: XCTestCase {
    static let defaults = Theme.allCases.map(\.rawValue)
    static let parkingNames: [String: [Language: String]] = ["parking": [.fi: "Pysäköinti", .sv: "Parkering", .en: "Parking"]]

    func testAnOwnThemeIsFoundByItsNameInEveryLanguageAndInCompoundsBeforeAnyCorrection() {
        // Arrange
        let classifier = FeedbackClassifier.train(on: [], themes: Self.defaults + ["parking"],
                                                  base: FeedbackClassifierTests.smallBase, names: Self.parkingNames)

        // Act
        let finnish = classifier.classify("Asiakaspysäköintiä ei ollut lainkaan, kiersin pihaa.", language: .fi)
        let swedish = classifier.classify("Parkeringen vid hälsocentralen var full.", language: .sv)
        let english = classifier.classify("No parking spaces left near the entrance.", language: .en)
        let other = classifier.classify("Lääkäri kuunteli ja hoito oli hyvää.", language: .fi)

        // Assert
        XCTAssertTrue(finnish.themes.contains("parking"), "\(finnish)")
        XCTAssertTrue(swedish.themes.contains("parking"), "\(swedish)")
        XCTAssertTrue(english.themes.contains("parking"), "\(english)")
        XCTAssertFalse(other.themes.contains("parking"), "\(other)")
    }

    func testSeedsAreStemmedNameWordsOfFourLettersOrMore() {
        // Act
        let seeds = FeedbackFeatures.seeds(fromNames: [.fi: "Pysäköinti ja autot", .en: "Car parking"])

        // Assert
        XCTAssertTrue(seeds.contains("park"), "\(seeds)")
        XCTAssertTrue(seeds.contains { "pysäköinti".hasPrefix($0) && $0.count >= 4 }, "\(seeds)")
        XCTAssertFalse(seeds.contains("ja"))
        XCTAssertFalse(seeds.contains("car"), "short words seed nothing: too many texts contain them")
    }

    func testCorrectionsCanUndoASeedThatMisleads() {
        // Arrange: the theme is named "Parking", but this county's comments about "park" walks are not about it.
        let misleading = (0..<8).map { index in
            LabelledFeedback(text: "The walk in the park behind the clinic was lovely, bench \(index) too.", language: .en,
                             themes: ["signage-premises"], sentiment: .positive)
        }
        let seeded = FeedbackClassifier.train(on: [], themes: Self.defaults + ["parking"],
                                              base: FeedbackClassifierTests.smallBase, names: Self.parkingNames)
        let corrected = FeedbackClassifier.train(on: misleading, themes: Self.defaults + ["parking"],
                                                 base: FeedbackClassifierTests.smallBase, names: Self.parkingNames)
        let text = "The park behind the clinic is a nice place to wait."

        // Act
        let before = seeded.classify(text, language: .en)
        let after = corrected.classify(text, language: .en)

        // Assert
        XCTAssertTrue(before.themes.contains("parking"), "the seed alone matches 'park': \(before)")
        XCTAssertFalse(after.themes.contains("parking"), "\(after)")
    }

    func testAStoredClassifierKeepsItsSeedsAndKnowsItIsCurrent() throws {
        // Arrange
        let classifier = FeedbackClassifier.train(on: [], themes: Self.defaults + ["parking"],
                                                  base: FeedbackClassifierTests.smallBase, names: Self.parkingNames)

        // Act
        let data = try JSONEncoder().encode(classifier)
        let decoded = try JSONDecoder().decode(FeedbackClassifier.self, from: data)
        let older = String(decoding: data, as: UTF8.self).replacingOccurrences(of: FeedbackClassifier.currentKnowledge, with: "features-1.examples-0")
        let stale = try JSONDecoder().decode(FeedbackClassifier.self, from: Data(older.utf8))

        // Assert
        XCTAssertTrue(decoded.isCurrent)
        XCTAssertEqual(decoded.seeds, classifier.seeds)
        XCTAssertEqual(decoded.classify("Pysäköinti maksaa liikaa.", language: .fi).themes,
                       classifier.classify("Pysäköinti maksaa liikaa.", language: .fi).themes)
        XCTAssertFalse(stale.isCurrent)
    }
}

/// Adding an own theme needs no retraining before its first correction.
final class FeedbackClassifierOwnThemeStartTests: XCTestCase {
    func testAnAddedThemeStartsFromTheBuiltInClassifierAndItsName() {
        // Arrange
        let defaults = FeedbackClassifierSeedTests.defaults
        let builtIn = FeedbackClassifier.untrained()
        let texts: [(String, Language)] = [
            ("Pysäköintipaikkoja ei ollut ja myöhästyin vastaanotolta.", .fi),
            ("Läkaren var vänlig men jag väntade i tre timmar.", .sv),
            ("The nurse never called back about my results.", .en),
        ]

        // Act
        let started = FeedbackClassifier.untrained(themes: defaults + ["parking"], names: FeedbackClassifierSeedTests.parkingNames)

        // Assert
        XCTAssertEqual(started.themes, defaults + ["parking"])
        XCTAssertEqual(started.exampleCount, 0)
        for (text, language) in texts {
            let before = builtIn.classify(text, language: language)
            let after = started.classify(text, language: language)
            XCTAssertEqual(after.sentiment, before.sentiment, text)
            // The default themes score as before; the new one can only take the place of the weakest.
            let kept = after.themes.filter { $0 != "parking" }
            XCTAssertEqual(kept, Array(before.themes.prefix(kept.count)), text)
            XCTAssertGreaterThanOrEqual(kept.count, min(before.themes.count, 2), text)
        }
        XCTAssertTrue(started.classify(texts[0].0, language: .fi).themes.contains("parking"))
        XCTAssertFalse(started.classify(texts[2].0, language: .en).themes.contains("parking"))
    }
}
