import Foundation
import XCTest
@testable import KaikuCore

/// The classifier that learns from handlers' corrections: new themes from examples, one
/// organisation's learning kept from another's, negation, mixed feelings, storage.
final class FeedbackClassifierTests: XCTestCase {

    static let defaults = Theme.allCases.map(\.rawValue)

    /// A slice of the built-in examples: training on all of them takes seconds in a debug
    /// build, and what these tests teach does not need them (`untrained` uses them all, once).
    static let smallBase = Array(BuiltInExamples.all.prefix(40))

    /// What a handler of a county with a parking problem would have corrected.
    static let parkingCorrections: [LabelledFeedback] = [
        LabelledFeedback(text: "Parkkipaikka oli taas täynnä, kiersin pihaa puoli tuntia.", language: .fi, themes: ["parking"], sentiment: .negative),
        LabelledFeedback(text: "Pysäköinti sairaalalla maksaa liikaa.", language: .fi, themes: ["parking"], sentiment: .negative),
        LabelledFeedback(text: "Parkkihallin automaatti ei ottanut korttia.", language: .fi, themes: ["parking"], sentiment: .negative),
        LabelledFeedback(text: "Inga parkeringsplatser lediga vid hälsocentralen.", language: .sv, themes: ["parking"], sentiment: .negative),
        LabelledFeedback(text: "Parkeringsavgiften är för hög för oss som måste komma varje vecka.", language: .sv, themes: ["parking"], sentiment: .negative),
        LabelledFeedback(text: "The car park was full and I was late for my appointment.", language: .en, themes: ["parking"], sentiment: .negative),
        LabelledFeedback(text: "Parking fees at the hospital are far too high.", language: .en, themes: ["parking"], sentiment: .negative),
        LabelledFeedback(text: "Invapaikat parkissa oli varattu tavallisille autoille.", language: .fi, themes: ["parking"], sentiment: .negative),
        LabelledFeedback(text: "Hoitaja oli ystävällinen ja asiantunteva.", language: .fi, themes: ["thanks"], sentiment: .positive),
        LabelledFeedback(text: "Puhelimeen ei vastattu koko päivänä.", language: .fi, themes: ["information-contact"], sentiment: .negative),
        LabelledFeedback(text: "Läkaren lyssnade och tog mig på allvar.", language: .sv, themes: ["rights-language-treatment"], sentiment: .positive),
        LabelledFeedback(text: "The app logged me out twice while booking.", language: .en, themes: ["electronic-services"], sentiment: .negative),
    ]

    func testAThemeTaughtByExamplesIsFoundInNewWording() {
        // Arrange
        let untrained = FeedbackClassifier.train(on: [], themes: Self.defaults + ["parking"], base: Self.smallBase)
        let trained = FeedbackClassifier.train(on: Self.parkingCorrections, themes: Self.defaults + ["parking"], base: Self.smallBase)
        let text = "Parkkipaikkoja ei löytynyt ollenkaan, jouduin jättämään auton kauas."

        // Act
        let before = untrained.classify(text, language: .fi)
        let after = trained.classify(text, language: .fi)

        // Assert
        XCTAssertFalse(before.themes.contains("parking"))
        XCTAssertTrue(after.themes.contains("parking"), "\(after)")
        XCTAssertEqual(trained.exampleCount, Self.parkingCorrections.count)
    }

    func testOneOrganisationsCorrectionsNeverChangeAnothersResults() {
        // Arrange
        let text = "Pysäköintialue oli täynnä ja myöhästyin vastaanotolta."
        let other = FeedbackClassifier.train(on: [
            LabelledFeedback(text: "Lumityöt pihalla oli tekemättä ja liukasta.", language: .fi, themes: ["snow"], sentiment: .negative),
            LabelledFeedback(text: "Lunet var inte plogat vid ingången.", language: .sv, themes: ["snow"], sentiment: .negative),
        ], themes: Self.defaults + ["snow"], base: Self.smallBase)
        let before = other.classify(text, language: .fi)

        // Act
        let parking = FeedbackClassifier.train(on: Self.parkingCorrections, themes: Self.defaults + ["parking"], base: Self.smallBase)
        let after = other.classify(text, language: .fi)

        // Assert
        XCTAssertEqual(before, after, "training one organisation's classifier leaves another's as it was")
        XCTAssertTrue(parking.classify(text, language: .fi).themes.contains("parking"))
        XCTAssertFalse(after.themes.contains("parking"))
    }

    func testNegatedComplaintIsNotNegative() {
        // Arrange
        let classifier = FeedbackClassifier.untrained()

        // Act
        let result = classifier.classify("Ohjeet eivät olleet epäselviä, kaikki sujui hyvin.", language: .fi)

        // Assert
        XCTAssertEqual(result.sentiment, .positive)
    }

    func testNegatedPraiseIsNegative() {
        // Arrange
        let classifier = FeedbackClassifier.untrained()

        // Act
        let result = classifier.classify("Lääkäri ei ollut ystävällinen.", language: .fi)

        // Assert
        XCTAssertEqual(result.sentiment, .negative)
    }

    func testFlatComplaintIsNegative() {
        // Arrange
        let classifier = FeedbackClassifier.untrained()

        // Act
        let result = classifier.classify("I waited six weeks for a doctor's appointment.", language: .en)

        // Assert
        XCTAssertEqual(result.sentiment, .negative)
        XCTAssertTrue(result.themes.contains(Theme.care.rawValue), "\(result)")
    }

    func testPraiseAndComplaintTogetherAreMixed() {
        // Arrange
        let classifier = FeedbackClassifier.untrained()

        // Act
        let english = classifier.classify("The nurse was lovely but I waited three hours.", language: .en)
        let finnish = classifier.classify("Hoitaja oli ihana mutta jonotin kolme tuntia.", language: .fi)

        // Assert
        XCTAssertEqual(english.sentiment, .mixed)
        XCTAssertEqual(finnish.sentiment, .mixed)
    }

    func testStoredClassifierClassifiesIdentically() throws {
        // Arrange
        let trained = FeedbackClassifier.train(on: Self.parkingCorrections, themes: Self.defaults + ["parking"], base: Self.smallBase)
        let texts = Self.parkingCorrections.map(\.text) + ["Kiitos!", "ok", "Appen fungerade inte alls.", ""]

        // Act
        let stored = try JSONEncoder().encode(trained)
        let restored = try JSONDecoder().decode(FeedbackClassifier.self, from: stored)

        // Assert
        XCTAssertEqual(restored.themes, trained.themes)
        XCTAssertEqual(restored.exampleCount, trained.exampleCount)
        for text in texts {
            XCTAssertEqual(restored.classify(text, language: .fi), trained.classify(text, language: .fi), text)
        }
        XCTAssertLessThan(stored.count, 3_000_000)
    }

    func testLexiconsOnlyAnswersAsTheLexicons() {
        // Arrange
        let text = "Kiitos ystävällisestä palvelusta terveysasemalla!"

        // Act
        let result = FeedbackClassifier.lexiconsOnly().classify(text, language: .fi)

        // Assert
        let analysis = TextAnalyser().analyse(text, language: .fi)
        XCTAssertEqual(result, TextClassification(themes: analysis.themes.map(\.rawValue), sentiment: analysis.sentiment))
    }

    func testAtMostThreeThemesOnlyFromItsOwnList() {
        // Arrange
        let classifier = FeedbackClassifier.train(on: Self.parkingCorrections, themes: ["parking", "thanks"], base: Self.smallBase)
        let text = "Kiitos hoitajille! Parkkipaikka täynnä, nettiajanvaraus ei toiminut ja puhelimeen ei vastattu."

        // Act
        let result = classifier.classify(text, language: .fi)

        // Assert
        XCTAssertLessThanOrEqual(result.themes.count, 3)
        XCTAssertTrue(Set(result.themes).isSubset(of: ["parking", "thanks"]), "\(result)")
    }

    func testUntrainedWithOwnThemesNeverGivesThemUntaught() {
        // Arrange
        let classifier = FeedbackClassifier.untrained(themes: Self.defaults + ["parking"])

        // Act
        let result = classifier.classify("Parkkipaikka oli täynnä.", language: .fi)

        // Assert
        XCTAssertFalse(result.themes.contains("parking"))
        XCTAssertEqual(classifier.exampleCount, 0)
        XCTAssertEqual(classifier.themes, Self.defaults + ["parking"])
    }

    func testBuiltInExamplesAllDecode() {
        // Arrange
        let lines = BuiltInExamples.jsonLines.split(separator: "\n").count

        // Act
        let examples = BuiltInExamples.all

        // Assert
        XCTAssertEqual(examples.count, lines)
        XCTAssertGreaterThan(examples.count, 100)
    }
}
