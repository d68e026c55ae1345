import Foundation
import XCTest
@testable import KaikuCore

/// The lexicons are hand-edited data; these tests catch entries the matcher would silently drop.
final class LexiconTests: XCTestCase {

    func testEveryThemeLexiconEntryParses() {
        // Arrange
        let entries = ThemeLexicon.allEntries

        // Act
        let invalid = entries.filter { StemPattern(notation: $0.notation) == nil }

        // Assert
        XCTAssertEqual(invalid.map { "\($0.language.rawValue) \($0.payload): \($0.notation)" }, [])
    }

    func testEverySentimentLexiconEntryParses() {
        // Arrange
        let entries = SentimentLexicon.allEntries

        // Act
        let invalid = entries.filter { StemPattern(notation: $0.notation) == nil }

        // Assert
        XCTAssertEqual(invalid.map { "\($0.language.rawValue): \($0.notation)" }, [])
    }

    func testEveryThemeHasAtLeastTwentyStemsInEveryLanguage() {
        // Arrange
        let minimum = 20

        // Act
        let thin = Language.allCases.flatMap { language in
            Theme.allCases.compactMap { theme -> String? in
                let count = ThemeLexicon.stems(for: language)[theme]?.count ?? 0
                return count < minimum ? "\(language.rawValue) \(theme): \(count)" : nil
            }
        }

        // Assert
        XCTAssertEqual(thin, [])
    }

    func testNoStemIsListedTwiceForOneThemeAndLanguage() {
        // Arrange
        let lexicons = Language.allCases.map { ($0, ThemeLexicon.stems(for: $0)) }

        // Act: "*kiitos" and "kiitos" count as the same stem.
        var duplicates: [String] = []
        for (language, lexicon) in lexicons {
            for (theme, stems) in lexicon {
                let bare = stems.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "=*")) }
                let counts = Dictionary(bare.map { ($0, 1) }, uniquingKeysWith: +)
                duplicates += counts.filter { $0.value > 1 }.map { "\(language.rawValue) \(theme): \($0.key)" }
            }
        }

        // Assert
        XCTAssertEqual(duplicates.sorted(), [])
    }

    func testShortStemIsRejectedInsideWords() {
        // Arrange: four letters would match by chance inside unrelated compounds.
        let notation = "*kipu"

        // Act
        let pattern = StemPattern(notation: notation)

        // Assert
        XCTAssertNil(pattern)
    }

    func testUpperCaseStemIsRejected() {
        // Arrange: tokens are lower-cased, so this entry could never match.
        let notation = "Kiitos"

        // Act
        let pattern = StemPattern(notation: notation)

        // Assert
        XCTAssertNil(pattern)
    }

    func testPhraseMatchesConsecutiveWordsByTheirOwnRules() {
        // Arrange
        let index = StemIndex<Int>([(language: .fi, notation: "=ei vasta", payload: 1)])
        let tokens = FeedbackTokenizer.tokens(in: "Kukaan ei vastannut.")

        // Act
        let matches = index.matches(in: tokens)

        // Assert
        XCTAssertEqual(matches.map(\.tokenIndex), [1])
        XCTAssertEqual(matches.map(\.tokenCount), [2])
    }

    func testWordStartMatchWinsOverCompoundInternalMatch() {
        // Arrange: "epäystävällinen" must read as "epäystäv…" (unfriendly), not "…ystävälli…".
        let index = StemIndex<Int>([
            (language: .fi, notation: "*ystävälli", payload: 1),
            (language: .fi, notation: "epäystäväl", payload: -1),
        ])
        let tokens = FeedbackTokenizer.tokens(in: "epäystävällinen")

        // Act
        let payloads = index.matches(in: tokens).map(\.entry.payload)

        // Assert
        XCTAssertEqual(payloads, [-1])
    }

    func testEnglishContractionIsSplitIntoNegation() {
        // Arrange
        let text = "It didn't work"

        // Act
        let words = FeedbackTokenizer.tokens(in: text).map(\.text)

        // Assert
        XCTAssertEqual(words, ["it", "did", "not", "work"])
    }
}

extension LexiconTests {

    func testNoStemMatchesAnotherLanguagesFunctionWord() {
        // Arrange: a Swedish "fast" (although) must not read as English "fast".
        let themeIndex = StemIndex<Theme>(ThemeLexicon.allEntries)
        let sentimentIndex = StemIndex<Double>(SentimentLexicon.allEntries)

        // Act
        var clashes: [String] = []
        for (language, words) in FeedbackLanguageGuesser.functionWords {
            for word in words.sorted() {
                let tokens = FeedbackTokenizer.tokens(in: word)
                let languages = themeIndex.matches(in: tokens).map { ($0.entry.language, $0.entry.pattern.notation) }
                    + sentimentIndex.matches(in: tokens).map { ($0.entry.language, $0.entry.pattern.notation) }
                clashes += languages.filter { $0.0 != language }.map { "\(language.rawValue) \(word) ~ \($0.0.rawValue) \($0.1)" }
            }
        }

        // Assert
        XCTAssertEqual(clashes, [])
    }
}
