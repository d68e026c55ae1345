import XCTest
@testable import KaikuCore

/// The policy's rules as values, which the password page names in the reader's language.
final class PasswordPolicyProblemTests: XCTestCase {
    func testEachRuleIsNamedByItsProblem() {
        XCTAssertEqual(PasswordPolicy.check("short"), .tooShort)
        XCTAssertEqual(PasswordPolicy.check(String(repeating: "ä", count: 37)), .tooLong)
        XCTAssertEqual(PasswordPolicy.check("abcabcabcabc"), .repetitive)
        XCTAssertEqual(PasswordPolicy.check("password1234"), .common)
        XCTAssertEqual(PasswordPolicy.check("Kissakissa2026"), .commonWord)
        XCTAssertNil(PasswordPolicy.check("correct-horse-battery"))
    }

    func testTheEnglishMessageFollowsTheSameRule() {
        for password in ["short", String(repeating: "ä", count: 37), "abcabcabcabc", "Kissakissa2026", "correct-horse-battery"] {
            XCTAssertEqual(PasswordPolicy.problem(with: password) == nil, PasswordPolicy.check(password) == nil, password)
        }
    }
}
