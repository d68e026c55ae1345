import Foundation
import KaikuCore
import KaikuStore
import XCTest

final class OneTimePasswordTests: XCTestCase {
    /// RFC 6238 appendix B, SHA-1 with the key "12345678901234567890" and eight digits.
    func testTheRFC6238TestVectorsForSHA1() {
        let password = OneTimePassword(secret: Array("12345678901234567890".utf8), hmac: CryptoHMACSHA1())
        let vectors: [(TimeInterval, String)] = [(59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"),
                                                 (1_234_567_890, "89005924"), (2_000_000_000, "69279037"), (20_000_000_000, "65353130")]
        for (seconds, expected) in vectors {
            let step = OneTimePassword.step(at: Date(timeIntervalSince1970: seconds))
            XCTAssertEqual(password.code(step: step, digits: 8), expected, "at \(seconds)")
        }
    }

    /// RFC 4226 appendix D: the six-digit HOTP values of the same key for counters 0–9.
    func testTheRFC4226SixDigitValues() {
        let password = OneTimePassword(secret: Array("12345678901234567890".utf8), hmac: CryptoHMACSHA1())
        let expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"]
        XCTAssertEqual((0..<10).map { password.code(step: Int64($0)) }, expected)
    }

    func testACodeMatchesOneStepEitherSideAndNoFurther() {
        let password = OneTimePassword(secret: Array("12345678901234567890".utf8), hmac: CryptoHMACSHA1())
        let now = Date(timeIntervalSince1970: 1_111_111_111)
        let step = OneTimePassword.step(at: now)

        XCTAssertEqual(password.matchingStep(for: password.code(step: step - 1), at: now, after: nil), step - 1)
        XCTAssertEqual(password.matchingStep(for: password.code(step: step + 1), at: now, after: nil), step + 1)
        XCTAssertNil(password.matchingStep(for: password.code(step: step - 2), at: now, after: nil))
        XCTAssertNil(password.matchingStep(for: password.code(step: step + 2), at: now, after: nil))
    }

    func testAUsedStepAndEveryEarlierOneNoLongerMatch() {
        let password = OneTimePassword(secret: Array("12345678901234567890".utf8), hmac: CryptoHMACSHA1())
        let now = Date(timeIntervalSince1970: 1_111_111_111)
        let step = OneTimePassword.step(at: now)

        XCTAssertNil(password.matchingStep(for: password.code(step: step), at: now, after: step))
        XCTAssertNil(password.matchingStep(for: password.code(step: step - 1), at: now, after: step))
        XCTAssertEqual(password.matchingStep(for: password.code(step: step + 1), at: now, after: step), step + 1)
    }

    func testMalformedCodesNeverMatch() {
        let password = OneTimePassword(secret: Array("12345678901234567890".utf8), hmac: CryptoHMACSHA1())
        let now = Date(timeIntervalSince1970: 59)
        for typed in ["", "12345", "1234567", "abcdef", "٢٨٧٠٨٢", String(repeating: "9", count: 10_000)] {
            XCTAssertNil(password.matchingStep(for: typed, at: now, after: nil), typed)
        }
        XCTAssertNotNil(password.matchingStep(for: " 287 082 ", at: now, after: nil), "spaces typed between the groups are ignored")
    }

    /// RFC 4648 section 10 vectors, without padding as authenticator apps read them.
    func testBase32FollowsRFC4648() {
        let vectors = [("", ""), ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"), ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI")]
        for (plain, encoded) in vectors {
            XCTAssertEqual(Base32.encode(Array(plain.utf8)), encoded)
            XCTAssertEqual(Base32.decode(encoded.lowercased()), Array(plain.utf8))
        }
        XCTAssertNil(Base32.decode("MZXW1"), "1 is not in the alphabet")
    }

    func testTheProvisioningAddressCarriesTheSecretAndTheIssuer() {
        let uri = OneTimePassword.provisioningURI(secret: Array("foobar".utf8), account: "anna@test.example", issuer: "Kaiku")
        XCTAssertEqual(uri, "otpauth://totp/Kaiku%3Aanna@test.example?secret=MZXW6YTBOI&issuer=Kaiku&algorithm=SHA1&digits=6&period=30")
    }

    func testRecoveryCodesAreTenDistinctAndReadBackWhateverTheCase() throws {
        let codes = RecoveryCodes.generate()
        XCTAssertEqual(codes.count, 10)
        XCTAssertEqual(Set(codes).count, 10)
        let first = try XCTUnwrap(codes.first)
        XCTAssertEqual(RecoveryCodes.normalised(first.uppercased()), first.replacingOccurrences(of: "-", with: ""))
        XCTAssertNil(RecoveryCodes.normalised("123456"))
    }
}
