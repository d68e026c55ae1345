import Foundation
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

    func testMinimumLengthCountsCharactersNotBytes() {
        // Arrange: 12 and 36 characters, each twice as many bytes in UTF-8 (24 and 72);
        // 11 characters are still too short although they take 22 bytes.
        let twelve = String(repeating: "äöåé", count: 3)
        let thirtySix = String(repeating: "äöåé", count: 9)
        let eleven = String(twelve.dropLast())

        // Act & Assert
        XCTAssertNil(PasswordPolicy.problem(with: twelve))
        XCTAssertNil(PasswordPolicy.problem(with: thirtySix))
        XCTAssertNotNil(PasswordPolicy.problem(with: eleven))
    }

    func testSeventyTwoBytesAreAcceptable() {
        XCTAssertNil(PasswordPolicy.problem(with: password(length: 72)))
    }

    func testSeventyThreeBytesAreTooLong() {
        // Act
        let problem = PasswordPolicy.problem(with: password(length: 73))

        // Assert
        XCTAssertEqual(problem, "must be at most 72 bytes: 72 letters a–z, digits or symbols, "
            + "fewer with letters such as ä, ö and å, which take two bytes each")
    }

    func testMaximumLengthCountsBytesNotCharacters() {
        // Arrange: bcrypt reads 72 bytes; 37 two-byte letters are 74 bytes, and the same
        // password with one plain letter for an ä is 73.
        let thirtySevenLetters = String(repeating: "äöåé", count: 9) + "ä"
        let seventyThreeBytes = "a" + String(repeating: "äöåé", count: 9)

        // Act
        let problems = [thirtySevenLetters, seventyThreeBytes].map(PasswordPolicy.problem(with:))

        // Assert
        XCTAssertEqual(thirtySevenLetters.count, 37)
        XCTAssertEqual(seventyThreeBytes.utf8.count, 73)
        XCTAssertTrue(problems.allSatisfy { $0?.hasPrefix("must be at most 72 bytes") == true }, "\(problems)")
    }

    func testEmojiCountFourBytesTowardsTheMaximum() {
        // Arrange: 18 different animal emoji of four bytes each are 72 bytes; one more is 76.
        let animals = (0x1F400...0x1F412).compactMap(Unicode.Scalar.init).map(Character.init)
        let eighteen = String(animals.prefix(18))
        let nineteen = String(animals.prefix(19))

        // Act & Assert
        XCTAssertNil(PasswordPolicy.problem(with: eighteen))
        XCTAssertNotNil(PasswordPolicy.problem(with: nineteen))
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

    // MARK: Common passwords

    func testCommonPasswordsAreRefused() {
        // Arrange
        let passwords = ["password1234", "salasana1234", "Kesä2024kesä", "qwertyuiop12", "1q2w3e4r5t6y",
                         "123456789012", "1qaz2wsx3edc", "iloveyou1234", "lösenord1234", "asdfghjklöä1"]

        // Act
        let problems = passwords.map(PasswordPolicy.problem(with:))

        // Assert
        XCTAssertEqual(problems, Array(repeating: "must not be a common password", count: passwords.count))
    }

    func testCommonPasswordsAreRefusedWhateverTheCase() {
        // Arrange: upper case, and the ä written as a + combining diaeresis.
        let passwords = ["PASSWORD1234", "SalaSana1234", "KESÄ2024KESÄ", "Kesa\u{308}2024kesa\u{308}", "QwertyUiop12"]

        // Act
        let problems = passwords.map(PasswordPolicy.problem(with:))

        // Assert
        XCTAssertEqual(problems, Array(repeating: "must not be a common password", count: passwords.count))
    }

    func testCommonWordWithOnlyDigitsOrSymbolsAddedIsRefused() {
        // Arrange: none of these is in the list itself.
        let passwords = ["Password2031!!", "Salasana2031", "Salasana2026!!", "!!Summer2024!!", "Kaiku2031kaiku",
                         "Syksy2027syksy", "Lokakuu-2031!", "P@ssw0rd2031!", "$ala$ana-2031", "Qwerty-2031-!",
                         "Helsinki#2031#", "Welcome!2031!", "Lösenord!2031", "1q2w3e4r5t6y-2031"]

        // Act
        let problems = passwords.map(PasswordPolicy.problem(with:))

        // Assert
        for (password, problem) in zip(passwords, problems) {
            XCTAssertEqual(problem, "must not be a common word or name with only digits or symbols added, such as Salasana2026",
                           password)
        }
    }

    func testCommonWordWithOtherWordsIsAcceptable() {
        // Arrange: a common word is fine as part of a longer passphrase.
        let passwords = ["password-is-not-enough", "Salasana on kaunis sana", "kesä helteellä 2026",
                         "summer of the long lakes", "helsinki-turku-oulu-2031"]

        // Act
        let problems = passwords.map(PasswordPolicy.problem(with:))

        // Assert
        XCTAssertEqual(problems, Array(repeating: nil, count: passwords.count))
    }

    func testProjectPasswordsAreAcceptable() {
        // Arrange: the demo's, the CI and bench scripts' and the web tests' passwords.
        let passwords = ["kaiku-demo-2026", "ci-Admin-password-1", "bench-Admin-password-1",
                         "bench-Handler-password-1", "a-long-enough-secret", "correct-horse-battery"]

        // Act
        let problems = passwords.map(PasswordPolicy.problem(with:))

        // Assert
        XCTAssertEqual(problems, Array(repeating: nil, count: passwords.count))
    }

    func testListedCommonPasswordsAreLowerCaseAndAtLeastTwelveCharacters() {
        // Arrange
        let passwords = CommonPasswords.passwords

        // Act
        let malformed = passwords.filter {
            $0.count < PasswordPolicy.minimumLength || $0 != $0.lowercased() || $0 != $0.precomposedStringWithCanonicalMapping
        }

        // Assert
        XCTAssertGreaterThanOrEqual(passwords.count, 300)
        XCTAssertEqual(malformed, [])
    }

    func testListedCommonWordsAreLowerCaseLetters() {
        // Arrange
        let words = CommonPasswords.words

        // Act
        let malformed = words.filter {
            !$0.allSatisfy(\.isLetter) || $0 != $0.lowercased() || $0 != $0.precomposedStringWithCanonicalMapping
        }

        // Assert
        XCTAssertEqual(malformed, [])
    }
}
