import XCTest
@testable import KaikuCore

/// Behaviour across languages; realistic per-language answers are in the
/// `TextAnalyserTests+Finnish/Swedish/English.swift` extensions.
final class TextAnalyserTests: XCTestCase {

    let analyser = TextAnalyser()

    // MARK: - Mixed languages

    func testSwedishAnswerOnFinnishFormGetsItsThemesAndSentiment() {
        // Arrange
        let text = "Tack för snabb hjälp på hälsostationen!"

        // Act
        let result = analyser.analyse(text, language: .fi)

        // Assert
        XCTAssertTrue(result.themes.contains(.thanks))
        XCTAssertTrue(result.themes.contains(.care))
        XCTAssertEqual(result.sentiment, .positive)
    }

    func testOneWordSwedishThanksOnFinnishFormIsThanks() {
        // Arrange
        let text = "Tack!"

        // Act
        let result = analyser.analyse(text, language: .fi)

        // Assert
        XCTAssertEqual(result, TextAnalysis(themes: [.thanks], sentiment: .positive))
    }

    func testEnglishAnswerOnSwedishFormIsAnalysedAsEnglish() {
        // Arrange
        let text = "The doctor didn't explain anything and I had to wait for two hours."

        // Act
        let result = analyser.analyse(text, language: .sv)

        // Assert
        XCTAssertTrue(result.themes.contains(.guidance))
        XCTAssertTrue(result.themes.contains(.care))
        XCTAssertEqual(result.sentiment, .negative)
    }

    func testSwedishPhraseInFinnishAnswerAddsToLanguageTheme() {
        // Arrange
        let text = "Henkilökunta ei puhunut ruotsia, vaikka pyysin palvelua på svenska."

        // Act
        let result = analyser.analyse(text, language: .fi)

        // Assert
        XCTAssertEqual(result.themes, [.treatment])
    }

    func testOtherLanguageStemAloneDoesNotMakeTheme() {
        // Arrange: Finnish "painoin" (I pressed) begins like English "pain".
        let text = "Painoin nappia monta kertaa, mutta mitään ei tapahtunut."

        // Act
        let result = analyser.analyse(text, language: .fi)

        // Assert
        XCTAssertFalse(result.themes.contains(.care))
    }

    // MARK: - Masking tokens and empty text

    func testMaskingTokensAloneGiveNoThemesAndNeutral() {
        // Arrange
        let text = "[HETU] [PHONE] [EMAIL]"

        // Act
        let result = analyser.analyse(text, language: .fi)

        // Assert
        XCTAssertEqual(result, TextAnalysis(themes: [], sentiment: .neutral))
    }

    func testMaskingTokensAreNotReadAsContactWords() {
        // Arrange
        let text = "Great service! [PHONE] [EMAIL]"

        // Act
        let result = analyser.analyse(text, language: .en)

        // Assert
        XCTAssertEqual(result, TextAnalysis(themes: [.thanks], sentiment: .positive))
    }

    func testEmptyTextHasNoThemesAndIsNeutral() {
        // Arrange
        let text = ""

        // Act
        let result = analyser.analyse(text, language: .fi)

        // Assert
        XCTAssertEqual(result, TextAnalysis(themes: [], sentiment: .neutral))
    }

    func testWhitespaceOnlyTextHasNoThemesAndIsNeutral() {
        // Arrange
        let text = " \n\t  "

        // Act
        let result = analyser.analyse(text, language: .sv)

        // Assert
        XCTAssertEqual(result, TextAnalysis(themes: [], sentiment: .neutral))
    }

    // MARK: - Ranking and normalisation

    func testThemesAreOrderedByStrength() {
        // Arrange
        let text = "Lääkäri oli hyvä, mutta jonotin ja jonotin, eikä jono liikkunut."

        // Act
        let result = analyser.analyse(text, language: .fi)

        // Assert
        XCTAssertEqual(result.themes, [.guidance, .care])
    }

    func testEqualScoresKeepTaxonomyOrder() {
        // Arrange: one contact word, then one care word.
        let text = "Soitin lääkärille."

        // Act
        let result = analyser.analyse(text, language: .fi)

        // Assert
        XCTAssertEqual(result.themes, [.care, .information])
    }

    func testAtMostThreeThemesAreReturned() {
        // Arrange
        let text = "Pysäköinti oli vaikeaa, jonotin pitkään, lääkäri oli tyly eikä kukaan vastannut puhelimeen. Omakanta ei toiminut."

        // Act
        let result = analyser.analyse(text, language: .fi)

        // Assert
        XCTAssertEqual(result.themes.count, TextAnalyser.maximumThemes)
    }

    func testNegationDoesNotReachAcrossComma() {
        // Arrange
        let text = "Jonoa ei ollut, hyvä niin."

        // Act
        let result = analyser.analyse(text, language: .fi)

        // Assert
        XCTAssertEqual(result.sentiment, .positive)
    }

    func testDecomposedLettersAreNormalised() {
        // Arrange: "ä" and "ö" typed as letter plus combining diaeresis.
        let text = "Pysa\u{0308}ko\u{0308}inti oli kamala."

        // Act
        let result = analyser.analyse(text, language: .fi)

        // Assert
        XCTAssertEqual(result, TextAnalysis(themes: [.premises], sentiment: .negative))
    }

    func testUpperCaseTextIsMatched() {
        // Arrange
        let text = "KIITOS IHANALLE HOITAJALLE!"

        // Act
        let result = analyser.analyse(text, language: .fi)

        // Assert
        XCTAssertEqual(result.themes.first, .thanks)
        XCTAssertEqual(result.sentiment, .positive)
    }
}
