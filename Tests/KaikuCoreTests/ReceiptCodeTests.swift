import XCTest
@testable import KaikuCore

final class ReceiptCodeTests: XCTestCase {

    /// A–Z without O and I, and 2–9: nothing that reads as 0 or 1.
    private let unambiguous: Set<Character> = {
        let letters = (UnicodeScalar("A").value...UnicodeScalar("Z").value)
            .compactMap(UnicodeScalar.init).map(Character.init)
            .filter { $0 != "O" && $0 != "I" }
        return Set(letters + Array("23456789"))
    }()

    private func codes(count: Int, seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in ReceiptCode.make(using: &generator) }
    }

    // MARK: Making codes

    func testCodesHaveTwoGroupsOfFourUnambiguousCharacters() throws {
        // Arrange
        let pattern = try Regex("^[A-Z2-9]{4}-[A-Z2-9]{4}$")

        for code in codes(count: 500, seed: 1) {
            // Act
            let matches = code.wholeMatch(of: pattern) != nil

            // Assert
            XCTAssertTrue(matches, code)
            XCTAssertFalse(code.contains { "0O1I".contains($0) }, code)
        }
    }

    func testCodesDrawOnTheWholeUnambiguousAlphabet() {
        // Arrange & Act: 16 000 characters drawn from 32.
        let seen = Set(codes(count: 2_000, seed: 2).joined().filter { $0 != "-" })

        // Assert
        XCTAssertEqual(seen, unambiguous)
    }

    func testSameSeedGivesTheSameCodes() {
        // Act
        let first = codes(count: 20, seed: 42)
        let second = codes(count: 20, seed: 42)

        // Assert
        XCTAssertEqual(first, second)
    }

    func testDifferentSeedsGiveDifferentCodes() {
        // Act
        let first = codes(count: 20, seed: 42)
        let second = codes(count: 20, seed: 43)

        // Assert
        XCTAssertNotEqual(first, second)
    }

    func testCodesRarelyRepeat() {
        // Arrange & Act: 40 bits; 5 000 codes collide with probability ~1e-5.
        let made = codes(count: 5_000, seed: 3)

        // Assert
        XCTAssertEqual(Set(made).count, made.count)
    }

    func testSystemRandomCodeHasTheSameForm() {
        // Act
        let code = ReceiptCode.make()

        // Assert
        XCTAssertEqual(ReceiptCode.normalise(code), code)
    }

    func testSystemRandomCodesUseTheWholeAlphabetInEveryPosition() {
        // Arrange & Act: 2 000 codes; a character missing from a position by chance is ~1e-27.
        let made = (0..<2_000).map { _ in Array(ReceiptCode.make()) }

        // Assert
        for position in [0, 1, 2, 3, 5, 6, 7, 8] {
            XCTAssertEqual(Set(made.map { $0[position] }), unambiguous, "position \(position)")
        }
        XCTAssertEqual(Set(made.map { String($0) }).count, made.count)
    }

    // MARK: Normalising what people type

    func testNormaliseAcceptsTheCanonicalForm() {
        XCTAssertEqual(ReceiptCode.normalise("K7QH-3MXA"), "K7QH-3MXA")
    }

    func testNormaliseAcceptsLowerCaseSpacesAndAMissingHyphen() {
        for typed in ["k7qh-3mxa", "K7QH3MXA", "k7qh 3mxa", " K7QH - 3MXA ", "K7 QH 3M XA"] {
            XCTAssertEqual(ReceiptCode.normalise(typed), "K7QH-3MXA", "'\(typed)'")
        }
    }

    func testNormaliseRefusesWrongLengths() {
        for typed in ["", "K7QH", "K7QH-3MX", "K7QH-3MXAB"] {
            XCTAssertNil(ReceiptCode.normalise(typed), "'\(typed)'")
        }
    }

    func testNormaliseRefusesCharactersOutsideTheAlphabet() {
        for typed in ["K7QH-3MX0", "K7QH-3MXO", "K7QH-3MX1", "K7QH-3MXI", "K7QH_3MXA", "K7QH-3MX!", "K7QH-3MXÄ"] {
            XCTAssertNil(ReceiptCode.normalise(typed), "'\(typed)'")
        }
    }

    func testEveryMadeCodeSurvivesNormalising() {
        for code in codes(count: 200, seed: 4) {
            XCTAssertEqual(ReceiptCode.normalise(code.lowercased()), code)
        }
    }
}
