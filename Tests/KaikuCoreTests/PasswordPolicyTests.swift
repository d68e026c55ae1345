import XCTest
@testable import KaikuCore

final class PasswordPolicyTests: XCTestCase {

    /// A password of `length` characters cycling through `distinct` different ones.
    private func password(length: Int, distinct: Int = 10) -> String {
        let pool = Array("abcdefghijklmnopqrstuvwxyz0123456789".prefix(distinct))
        return String((0..<length).map { pool[$0 % pool.count] })
    }

    func testElevenCharactersAreTooShort() {
        // Act
        let problem = PasswordPolicy.problem(with: password(length: 11))

        // Assert
        XCTAssertEqual(problem, "must be at least 12 characters")
    }

    func testEmptyPasswordIsTooShort() {
        XCTAssertNotNil(PasswordPolicy.problem(with: ""))
    }

    func testTwelveVariedCharactersAreAcceptable() {
        XCTAssertNil(PasswordPolicy.problem(with: password(length: 12)))
    }

    func testLengthCountsCharactersNotBytes() {
        // Arrange: 12 and 128 characters, each twice as many bytes in UTF-8;
        // 11 characters are still too short although they take 22 bytes.
        let twelve = String(repeating: "äöåé", count: 3)
        let hundredTwentyEight = String(repeating: "äöåé", count: 32)
        let eleven = String(twelve.dropLast())

        // Act & Assert
        XCTAssertNil(PasswordPolicy.problem(with: twelve))
        XCTAssertNil(PasswordPolicy.problem(with: hundredTwentyEight))
        XCTAssertNotNil(PasswordPolicy.problem(with: eleven))
    }

    func testHundredTwentyEightCharactersAreAcceptable() {
        XCTAssertNil(PasswordPolicy.problem(with: password(length: 128)))
    }

    func testHundredTwentyNineCharactersAreTooLong() {
        // Act
        let problem = PasswordPolicy.problem(with: password(length: 129))

        // Assert
        XCTAssertEqual(problem, "must be at most 128 characters")
    }

    func testThreeDistinctCharactersAreTooFew() {
        // Act
        let problem = PasswordPolicy.problem(with: password(length: 20, distinct: 3))

        // Assert
        XCTAssertEqual(problem, "must not repeat the same few characters")
    }

    func testOneRepeatedCharacterIsTooFew() {
        XCTAssertNotNil(PasswordPolicy.problem(with: String(repeating: "x", count: 16)))
    }

    func testFourDistinctCharactersAreEnough() {
        XCTAssertNil(PasswordPolicy.problem(with: password(length: 12, distinct: 4)))
    }

    func testPassphraseIsAcceptable() {
        XCTAssertNil(PasswordPolicy.problem(with: "correct horse battery staple"))
    }
}
