import XCTest
@testable import KaikuCore

final class LightStemmerTests: XCTestCase {

    func testInflectedFormsShareAStem() {
        // Arrange
        let groups: [(Language, [String])] = [
            (.fi, ["jonossa", "jonoon", "jonosta"]),
            (.fi, ["lääkärille", "lääkärin", "lääkäriltä"]),
            (.sv, ["väntade", "väntar", "vänta"]),
            (.en, ["waiting", "waited", "waits"]),
        ]

        for (language, words) in groups {
            // Act
            let stems = Set(words.map { LightStemmer.stem($0, language: language) })

            // Assert
            XCTAssertEqual(stems.count, 1, "\(words) → \(stems)")
        }
    }

    func testShortWordsAreLeftAlone() {
        XCTAssertEqual(LightStemmer.stem("ok", language: .fi), "ok")
        XCTAssertEqual(LightStemmer.stem("tack", language: .sv), "tack")
    }
}
