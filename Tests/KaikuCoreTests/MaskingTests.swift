import Foundation
import XCTest
@testable import KaikuCore

/// Valid codes, computed with the mod-31 rule; one for each century sign.
private let validCodesBySign: [String: String] = [
    "+": "150895+123L",
    "-": "131052-308T", // the official example
    "Y": "131052Y308T",
    "X": "311299X902A",
    "W": "010190W2347",
    "V": "010190V3211",
    "U": "010190U123M",
    "A": "010101A123N",
    "B": "040123B4561",
    "C": "070707C7771",
    "D": "010110D0023",
    "E": "121224E899L",
    "F": "050505F505U",
]

// MARK: - PersonalIdentityCode

final class PersonalIdentityCodeTests: XCTestCase {

    func testOfficialExampleIsValid() {
        // Arrange
        let code = "131052-308T"

        // Act
        let isValid = PersonalIdentityCode.isValid(code)

        // Assert
        XCTAssertTrue(isValid)
    }

    func testValidCodesWithEveryCenturySignAreValid() {
        // Arrange
        let codes = validCodesBySign

        // Act
        let invalid = codes.filter { !PersonalIdentityCode.isValid($0.value) }

        // Assert
        XCTAssertEqual(codes.count, 13, "one example for every century sign")
        XCTAssertEqual(invalid, [:])
    }

    func testCodeWithWrongCheckCharacterIsInvalid() {
        // Arrange
        let codes = ["131052-308U", "131052-3080", "010101A123M", "150895+123K"]

        // Act
        let results = codes.map(PersonalIdentityCode.isValid)

        // Assert
        XCTAssertEqual(results, [false, false, false, false])
    }

    func testCodeWithImpossibleDateIsInvalid() {
        // Arrange: the check characters are right, the dates are not
        // (31 Feb, 31 Nov, day 00, month 13).
        let codes = ["310299-1234", "311123A123S", "000190-123" + check("000190", "123"),
                     "011390-123" + check("011390", "123")]

        // Act
        let results = codes.map(PersonalIdentityCode.isValid)

        // Assert
        XCTAssertEqual(results, [false, false, false, false])
    }

    func testLeapDayIsValidOnlyInLeapYearOfTheCentury() {
        // Arrange: 29.2.2000 and 29.2.1996/2004 exist; 29.2.1900 and 29.2.1800 do not.
        let valid = ["290200A1239", "290296-456T", "290204A123A"]
        let invalid = ["290200-1239", "290200+1239", "290203A" + "123" + check("290203", "123")]

        // Act
        let validResults = valid.map(PersonalIdentityCode.isValid)
        let invalidResults = invalid.map(PersonalIdentityCode.isValid)

        // Assert
        XCTAssertEqual(validResults, [true, true, true])
        XCTAssertEqual(invalidResults, [false, false, false])
    }

    func testTemporaryIndividualNumberIsValid() {
        // Arrange
        let code = "020202A999M"

        // Act
        let isValid = PersonalIdentityCode.isValid(code)

        // Assert
        XCTAssertTrue(isValid)
    }

    func testIndividualNumbers000And001AreInvalid() {
        // Arrange: check characters computed correctly, but these numbers are never issued.
        let codes = ["010101A000P", "010101A001R"]

        // Act
        let results = codes.map(PersonalIdentityCode.isValid)

        // Assert
        XCTAssertEqual(results, [false, false])
    }

    func testNonCanonicalSpellingsAreInvalid() {
        // Arrange: isValid is strict; the masker is the lenient one.
        let codes = ["131052-308t", "010101a123N", " 131052-308T", "131052-308T ", "131052 308T",
                     "131052308T", "131052Z308T", "131052-308", "", "１３１０５２-３０８T"]

        // Act
        let results = codes.map(PersonalIdentityCode.isValid)

        // Assert
        XCTAssertEqual(results, Array(repeating: false, count: codes.count))
    }

    private func check(_ date: String, _ individual: String) -> String {
        let table = Array("0123456789ABCDEFHJKLMNPRSTUVWXY")
        return String(table[Int(date + individual)! % 31])
    }
}

// MARK: - TextMasker

final class TextMaskerTests: XCTestCase {

    private let masker = TextMasker()

    // MARK: Identity codes

    func testValidIdentityCodeIsMasked() {
        // Arrange
        let text = "Hetuni on 131052-308T, tarkistakaa."

        // Act
        let result = masker.mask(text)

        // Assert
        XCTAssertEqual(result.text, "Hetuni on [HETU], tarkistakaa.")
        XCTAssertEqual(result.maskedKinds, [.identityCode])
    }

    func testIdentityCodesWithEveryCenturySignAreMasked() {
        for (sign, code) in validCodesBySign {
            // Arrange
            let text = "hetu: \(code)."

            // Act
            let result = masker.mask(text)

            // Assert
            XCTAssertEqual(result.text, "hetu: [HETU].", "sign \(sign)")
            XCTAssertEqual(result.maskedKinds, [.identityCode], "sign \(sign)")
        }
    }

    func testIdentityCodeWithWrongCheckCharacterIsKept() {
        // Arrange
        let text = "Numero 131052-308U ei ole oikea."

        // Act
        let result = masker.mask(text)

        // Assert
        XCTAssertEqual(result.text, text)
        XCTAssertEqual(result.maskedKinds, [])
    }

    func testIdentityCodeWithImpossibleDateIsKept() {
        // Arrange: right check character, but 31 February and 29.2.1900.
        let text = "Koodit 310299-1234 ja 290200-1239."

        // Act
        let result = masker.mask(text)

        // Assert
        XCTAssertEqual(result.text, text)
        XCTAssertEqual(result.maskedKinds, [])
    }

    func testLowerCaseIdentityCodeIsMasked() {
        // Arrange
        let text = "131052-308t ja 010101a123n"

        // Act
        let result = masker.mask(text)

        // Assert
        XCTAssertEqual(result.text, "[HETU] ja [HETU]")
        XCTAssertEqual(result.maskedKinds, [.identityCode])
    }

    func testIdentityCodeWithSpacesAroundSeparatorIsMasked() {
        // Arrange
        let text = "a 131052 - 308T b 131052 -308T c 131052- 308T d"

        // Act
        let result = masker.mask(text)

        // Assert
        XCTAssertEqual(result.text, "a [HETU] b [HETU] c [HETU] d")
    }

    func testIdentityCodeWithoutSeparatorIsMaskedWhenCheckCharacterIsLetter() {
        // Arrange
        let text = "131052308T / 131052 308T / 131052308t"

        // Act
        let result = masker.mask(text)

        // Assert
        XCTAssertEqual(result.text, "[HETU] / [HETU] / [HETU]")
        XCTAssertEqual(result.maskedKinds, [.identityCode])
    }

    func testTenDigitNumberIsNotTakenForIdentityCode() {
        // Arrange: 290200A1239 without its sign; a 10-digit run could as well be a reference number.
        let text = "Viitenumero 2902001239."

        // Act
        let result = masker.mask(text)

        // Assert
        XCTAssertEqual(result.text, text)
    }

    func testIdentityCodeGluedToLettersOrDigitsIsKept() {
        // Arrange
        let text = "X131052-308T 131052-308TX 9131052-308T 131052-308T9"

        // Act
        let result = masker.mask(text)

        // Assert
        XCTAssertEqual(result.text, text)
    }

    func testInvalidIdentityCodeLookAlikeIsNotMaskedAsPhone() {
        // Arrange: starts with 0 and has 10 digits, but has the DDMMYY-NNNN shape.
        let text = "Tapahtuma 010190-1234 kirjattiin."

        // Act
        let result = masker.mask(text)

        // Assert
        XCTAssertEqual(result.text, text)
    }

    // MARK: Phone numbers

    func testFinnishPhoneFormatsAreMasked() {
        let numbers = ["040 123 4567", "0401234567", "040-123 4567", "040-1234567", "(09) 123 4567",
                       "09 1234 5678", "050 123 45 67", "09-310 1691"]
        for number in numbers {
            // Arrange
            let text = "Soittakaa numeroon \(number), kiitos."

            // Act
            let result = masker.mask(text)

            // Assert
            XCTAssertEqual(result.text, "Soittakaa numeroon [PHONE], kiitos.", number)
            XCTAssertEqual(result.maskedKinds, [.phone], number)
        }
    }

    func testInternationalPhoneFormatsAreMasked() {
        let numbers = ["+358 40 123 4567", "+358401234567", "+46 8 123 456 78", "+358 (0)40 123 4567",
                       "+358 9 1234 5678"]
        for number in numbers {
            // Arrange
            let text = "puh. \(number)"

            // Act
            let result = masker.mask(text)

            // Assert
            XCTAssertEqual(result.text, "puh. [PHONE]", number)
            XCTAssertEqual(result.maskedKinds, [.phone], number)
        }
    }

    func testPhoneNumberInParenthesesKeepsTheParentheses() {
        // Arrange
        let text = "Tavoitatte minut (040 1234567) iltaisin."

        // Act
        let result = masker.mask(text)

        // Assert
        XCTAssertEqual(result.text, "Tavoitatte minut ([PHONE]) iltaisin.")
    }

    func testSeveralPhoneNumbersAreMaskedSeparately() {
        // Arrange
        let text = "040 123 4567 tai 050-7654321, ilta: +358 9 123 456."

        // Act
        let result = masker.mask(text)

        // Assert
        XCTAssertEqual(result.text, "[PHONE] tai [PHONE], ilta: [PHONE].")
    }

    func testPhoneNumberAfterDateOrTimeIsMasked() {
        // Arrange
        let text = "12.3.2024 040 123 4567, klo 14.30 0401234567"

        // Act
        let result = masker.mask(text)

        // Assert
        XCTAssertEqual(result.text, "12.3.2024 [PHONE], klo 14.30 [PHONE]")
    }

    func testNumberFollowingPhoneNumberIsKept() {
        // Arrange
        let text = "Soitin numeroon 040 123 4567 2 kertaa."

        // Act
        let result = masker.mask(text)

        // Assert
        XCTAssertEqual(result.text, "Soitin numeroon [PHONE] 2 kertaa.")
    }

    func testYearsTimesAndDatesAreNotPhoneNumbers() {
        // Arrange
        let text = "Vuonna 2024 kävin klo 14.30 ja 09.15, sekä 12.3.2024 ja 01.03.2024 ja 01-03-2024 ja 2024-03-01."

        // Act
        let result = masker.mask(text)

        // Assert
        XCTAssertEqual(result.text, text)
        XCTAssertEqual(result.maskedKinds, [])
    }

    func testShortNumbersRoomsAndMoneyAreNotPhoneNumbers() {
        // Arrange
        let text = "Soitin 112:een, huone B 204, maksoin 1 200 € ja 0,50 €; budjetti 1 000 000 000 €."

        // Act
        let result = masker.mask(text)

        // Assert
        XCTAssertEqual(result.text, text)
        XCTAssertEqual(result.maskedKinds, [])
    }

    func testPostalCodesAndAccountNumbersAreNotPhoneNumbers() {
        // Arrange
        let text = "Osoite: Kotikatu 1, 00100 Helsinki. Tili FI21 1234 5600 0007 85."

        // Act
        let result = masker.mask(text)

        // Assert
        XCTAssertEqual(result.text, text)
    }

    func testTooShortOrTooLongDigitRunsAreNotPhoneNumbers() {
        // Arrange: 6 digits, and 16 digits.
        let text = "koodi 040 123 ja 0401 2345 6789 0123"

        // Act
        let result = masker.mask(text)

        // Assert
        XCTAssertEqual(result.text, text)
    }

    func testPhoneNumberGluedToLettersIsKept() {
        // Arrange
        let text = "tuote ABC0401234567 ja 0401234567x"

        // Act
        let result = masker.mask(text)

        // Assert
        XCTAssertEqual(result.text, text)
    }

    // MARK: E-mail addresses

    func testEmailIsMasked() {
        // Arrange
        let text = "Laittakaa vastaus osoitteeseen matti.meikalainen@example.fi."

        // Act
        let result = masker.mask(text)

        // Assert
        XCTAssertEqual(result.text, "Laittakaa vastaus osoitteeseen [EMAIL].")
        XCTAssertEqual(result.maskedKinds, [.email])
    }

    func testEmailWithSubdomainAndPlusTagIsMasked() {
        // Arrange
        let text = "<maija_v+palaute@posti.hyvinvointialue.fi>, MAIJA@EXAMPLE.COM"

        // Act
        let result = masker.mask(text)

        // Assert
        XCTAssertEqual(result.text, "<[EMAIL]>, [EMAIL]")
    }

    func testEmailWithScandinavianLettersIsMasked() {
        // Arrange
        let text = "sähköposti: pärttyli.möttönen@esimerkki.fi tai åsa.öberg@exempel.se"

        // Act
        let result = masker.mask(text)

        // Assert
        XCTAssertEqual(result.text, "sähköposti: [EMAIL] tai [EMAIL]")
    }

    func testEmailContainingDigitsIsMaskedAsEmailOnly() {
        // Arrange
        let text = "0401234567@sms.example.fi"

        // Act
        let result = masker.mask(text)

        // Assert
        XCTAssertEqual(result.text, "[EMAIL]")
        XCTAssertEqual(result.maskedKinds, [.email])
    }

    func testPunctuationBeforeEmailIsKept() {
        // Arrange
        let text = "Kiitos...matti@example.fi ja .maija@example.fi"

        // Act
        let result = masker.mask(text)

        // Assert
        XCTAssertEqual(result.text, "Kiitos...[EMAIL] ja .[EMAIL]")
    }

    func testHandlesAndIncompleteAddressesAreNotMasked() {
        // Arrange
        let text = "Kiitos @hoitaja_anna ja @kaiku! Ks. matti@localhost, @ ja a@b."

        // Act
        let result = masker.mask(text)

        // Assert
        XCTAssertEqual(result.text, text)
        XCTAssertEqual(result.maskedKinds, [])
    }

    // MARK: Mixed texts

    func testFinnishFeedbackIsMasked() {
        // Arrange
        let text = """
        Hei! Olin päivystyksessä 12.3.2024 klo 14.30 ja odotin 3 tuntia 😞
        Hetuni on 131052-308T ja numero 040 123 4567.
        Vastatkaa: matti.meikäläinen@example.fi (huone B 204, lasku 1 200 €).
        """

        // Act
        let result = masker.mask(text)

        // Assert
        XCTAssertEqual(result.text, """
        Hei! Olin päivystyksessä 12.3.2024 klo 14.30 ja odotin 3 tuntia 😞
        Hetuni on [HETU] ja numero [PHONE].
        Vastatkaa: [EMAIL] (huone B 204, lasku 1 200 €).
        """)
        XCTAssertEqual(result.maskedKinds, [.identityCode, .phone, .email])
    }

    func testSwedishFeedbackIsMasked() {
        // Arrange
        let text = "Min personbeteckning är 010101a123n och mitt nummer +358 40 123 4567. " +
            "Skriv till åsa.öberg@exempel.fi före år 2025! 👍"

        // Act
        let result = masker.mask(text)

        // Assert
        XCTAssertEqual(result.text, "Min personbeteckning är [HETU] och mitt nummer [PHONE]. " +
            "Skriv till [EMAIL] före år 2025! 👍")
        XCTAssertEqual(result.maskedKinds, [.identityCode, .phone, .email])
    }

    func testTextWithoutPersonalDataIsKeptExactly() {
        // Arrange
        let text = "Kiitos hyvästä hoidosta!\r\n\n\tHenkilökunta oli ystävällistä 👩🏽‍⚕️❤️ 1️⃣0️⃣ e\u{301}  "

        // Act
        let result = masker.mask(text)

        // Assert
        XCTAssertEqual(result.text, text)
        XCTAssertEqual(Array(result.text.unicodeScalars), Array(text.unicodeScalars))
        XCTAssertEqual(result.maskedKinds, [])
    }

    func testSurroundingTextIsPreservedExactly() {
        // Arrange
        let text = "👨‍👩‍👧\n131052-308T\r\n\u{00A0}040 123 4567\u{00A0}\n🎉a@b.fi🎉"

        // Act
        let result = masker.mask(text)

        // Assert
        XCTAssertEqual(result.text, "👨‍👩‍👧\n[HETU]\r\n\u{00A0}[PHONE]\u{00A0}\n🎉[EMAIL]🎉")
    }

    func testEmptyTextIsUnchanged() {
        // Arrange
        let text = ""

        // Act
        let result = masker.mask(text)

        // Assert
        XCTAssertEqual(result, MaskResult(text: "", maskedKinds: []))
    }

    // MARK: Idempotency and tokens

    func testMaskingIsIdempotent() {
        // Arrange
        let text = "131052-308T, 040 123 4567, (09) 123 4567, matti@example.fi, 131052 308T, +46 8 123 456 78"
        let once = masker.mask(text)

        // Act
        let twice = masker.mask(once.text)

        // Assert
        XCTAssertEqual(once.text, "[HETU], [PHONE], [PHONE], [EMAIL], [HETU], [PHONE]")
        XCTAssertEqual(twice.text, once.text)
        XCTAssertEqual(twice.maskedKinds, [])
    }

    func testTokensAreLanguageNeutral() {
        // Arrange
        let kinds = MaskedKind.allCases

        // Act
        let tokens = kinds.map(\.token)

        // Assert
        XCTAssertEqual(tokens, ["[HETU]", "[PHONE]", "[EMAIL]"])
    }

    func testMaskedKindRawValuesAreStable() throws {
        // Arrange: raw values are stored, so they must not change.
        let kinds = MaskedKind.allCases

        // Act
        let data = try JSONEncoder().encode(kinds)

        // Assert
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #"["identityCode","phone","email"]"#)
    }

    func testMaskerIsUsableAcrossConcurrentTasks() async {
        // Arrange
        let masker = TextMasker()

        // Act
        let results = await withTaskGroup(of: MaskResult.self) { group in
            for _ in 0..<8 { group.addTask { masker.mask("040 123 4567") } }
            return await group.reduce(into: []) { $0.append($1) }
        }

        // Assert
        XCTAssertEqual(Set(results.map(\.text)), ["[PHONE]"])
    }
}
