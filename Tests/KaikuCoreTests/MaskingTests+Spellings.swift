import Foundation
import XCTest
@testable import KaikuCore

/// Personal data written with look-alike characters (dashes, full-width forms, special spaces,
/// invisible characters) and addresses with a spelled-out `@`: all masked; ordinary sentences
/// with "at", dots and dashes are kept.
final class TextMaskerSpellingTests: XCTestCase {

    private let masker = TextMasker()

    /// Masks each spelling inside `sentence` (where `%` stands for it) and checks that only the
    /// spelling was replaced, by `kind`'s token.
    private func assertMasked(
        _ spellings: [String], in sentence: String, as kind: MaskedKind,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        for spelling in spellings {
            // Arrange
            let text = sentence.replacingOccurrences(of: "%", with: spelling)
            let expected = sentence.replacingOccurrences(of: "%", with: kind.token)

            // Act
            let result = masker.mask(text)

            // Assert
            XCTAssertEqual(result.text, expected, "spelling \(debugName(spelling))", file: file, line: line)
            XCTAssertEqual(result.maskedKinds, [kind], "spelling \(debugName(spelling))", file: file, line: line)
        }
    }

    /// Checks that each text is kept exactly, scalar by scalar.
    private func assertKept(_ texts: [String], file: StaticString = #filePath, line: UInt = #line) {
        for text in texts {
            // Act
            let result = masker.mask(text)

            // Assert
            XCTAssertEqual(Array(result.text.unicodeScalars), Array(text.unicodeScalars), text, file: file, line: line)
            XCTAssertEqual(result.maskedKinds, [], text, file: file, line: line)
        }
    }

    /// The spelling with its non-ASCII scalars written as `\u{...}`, so a failure names them.
    private func debugName(_ s: String) -> String {
        s.unicodeScalars.map { $0.isASCII ? String($0) : "\\u{\(String($0.value, radix: 16, uppercase: true))}" }.joined()
    }

    // MARK: Identity codes

    func testIdentityCodeWithAnyDashAsSeparatorIsMasked() {
        let spellings = [
            "131052\u{2013}308T", // en dash
            "131052\u{2014}308T", // em dash
            "131052\u{2212}308T", // minus sign
            "131052\u{2011}308T", // non-breaking hyphen
            "131052\u{2010}308T", // hyphen
            "131052\u{2012}308T", // figure dash
            "131052\u{2015}308T", // horizontal bar
            "131052\u{FE63}308T", // small hyphen-minus
            "131052\u{FF0D}308T", // full-width hyphen-minus
            "131052 \u{2013} 308T", // spaced en dash
            "131052\u{00A0}\u{2013}\u{00A0}308T", // en dash between no-break spaces
        ]
        assertMasked(spellings, in: "Hetuni on %, tarkistakaa.", as: .identityCode)
    }

    func testFullWidthIdentityCodeIsMasked() {
        let spellings = [
            "１３１０５２－３０８Ｔ",
            "１３１０５２-３０８T",
            "131052-308ｔ",
            "１５０８９５＋１２３Ｌ", // full-width plus, the 1800s
            "０１０１０１Ａ１２３Ｎ",
            "０４０１２３Ｂ４５６１", // new 2000s sign
            "０１０１９０Ｕ１２３Ｍ", // new 1900s sign
            "１２１２２４ｅ８９９ｌ",
        ]
        assertMasked(spellings, in: "Hetuni on %, tarkistakaa.", as: .identityCode)
    }

    func testIdentityCodeWithInvisibleCharactersInsideIsMasked() {
        let spellings = [
            "131052\u{200B}-308T", // zero-width space
            "1310\u{200C}52-308T", // zero-width non-joiner
            "131052-30\u{200D}8T", // zero-width joiner
            "131052\u{2060}-\u{2060}308T", // word joiner
            "131052-308\u{FEFF}T", // zero-width no-break space (BOM)
            "131052\u{00AD}308T", // soft hyphen in place of the separator
            "131052-\u{00AD}308T", // soft hyphen after the separator
            "13\u{200B}10\u{200B}52\u{200B}-\u{200B}308\u{200B}T",
            "131052\u{202E}-308T", // right-to-left override
            "070707\u{200B}C7771", // before a letter sign
        ]
        assertMasked(spellings, in: "Hetuni on %, tarkistakaa.", as: .identityCode)
    }

    func testIdentityCodeWithSpecialSpacesAroundSeparatorIsMasked() {
        let spellings = [
            "131052\u{202F}308T", // narrow no-break space for the separator
            "131052\u{00A0}308T",
            "131052\u{3000}-\u{3000}308T", // ideographic spaces
            "131052\u{2009}-\u{2009}308T", // thin spaces
        ]
        assertMasked(spellings, in: "Hetuni on %, tarkistakaa.", as: .identityCode)
    }

    func testInvisibleCharactersAroundIdentityCodeAreKept() {
        // Arrange
        let text = "hetu \u{200B}131052\u{2013}308T\u{200B}!"

        // Act
        let result = masker.mask(text)

        // Assert: only the code's own characters are replaced.
        XCTAssertEqual(Array(result.text.unicodeScalars), Array("hetu \u{200B}[HETU]\u{200B}!".unicodeScalars))
    }

    func testIdentityCodeLookAlikesWithOtherDashesAreKept() {
        assertKept([
            "Numero 131052\u{2013}308U ei ole oikea.",
            "Koodi １３１０５２－３０８Ｕ ei ole oikea.",
            "Tapahtuma 010190\u{2013}1234 kirjattiin.",
            "Viitenumero ２９０２００１２３９.",
            "X131052\u{2013}308T ja 131052\u{2013}308TX",
        ])
    }

    // MARK: Phone numbers

    func testPhoneNumberWithDotsOrSlashesIsMasked() {
        let spellings = [
            "040.123.4567",
            "040.1234567",
            "09.310.1691",
            "040/123 4567",
            "040/1234567",
            "0400.123.456",
        ]
        assertMasked(spellings, in: "Soittakaa numeroon %, kiitos.", as: .phone)
    }

    func testPhoneNumberWithAnyDashIsMasked() {
        let spellings = [
            "040\u{2013}123 4567", // en dash
            "040\u{2014}1234567", // em dash
            "040\u{2212}123\u{2212}4567", // minus sign
            "040\u{2011}123\u{2011}4567", // non-breaking hyphen
            "040\u{2010}1234567", // hyphen
            "09\u{2012}310 1691", // figure dash
            "040\u{2013}123\u{2013}4567",
        ]
        assertMasked(spellings, in: "Soittakaa numeroon %, kiitos.", as: .phone)
    }

    func testPhoneNumberWithFullWidthDigitsIsMasked() {
        let spellings = [
            "０４０ １２３ ４５６７",
            "０４０１２３４５６７",
            "＋３５８ ４０ １２３ ４５６７",
            "（０９） １２３ ４５６７",
            "０４０\u{3000}１２３\u{3000}４５６７", // ideographic spaces
            "040 123 ４５６７",
        ]
        assertMasked(spellings, in: "Soittakaa numeroon %, kiitos.", as: .phone)
    }

    func testPhoneNumberWithSpecialSpacesIsMasked() {
        let spellings = [
            "040\u{00A0}123\u{00A0}4567", // no-break spaces
            "040\u{202F}123\u{202F}4567", // narrow no-break spaces
            "+358\u{00A0}40\u{00A0}123\u{00A0}4567",
            "(09)\u{2009}123\u{2009}4567", // thin spaces
            "040\u{2007}123\u{2007}4567", // figure spaces
        ]
        assertMasked(spellings, in: "Soittakaa numeroon %, kiitos.", as: .phone)
    }

    func testPhoneNumberWithInvisibleCharactersInsideIsMasked() {
        let spellings = [
            "040\u{200B}123\u{200B}4567",
            "0401\u{00AD}234567",
            "04\u{2060}0 123 4567",
            "040 123\u{FEFF}4567",
            "040\u{200C}1234\u{200D}567",
            "+358\u{200B}40\u{200B}1234567",
        ]
        assertMasked(spellings, in: "Soittakaa numeroon %, kiitos.", as: .phone)
    }

    func testTimesDatesDecimalsAndRangesWithDotsAndDashesAreNotPhoneNumbers() {
        assertKept([
            "Auki klo 08.00\u{2013}16.00 ja 08.00-16.00, la 09.15\u{2014}12.30.",
            "Päivät 01.03.2024, 01/03/2024, 03/15/2024 ja 01.\u{2013}03.03.2024.",
            "Arvo oli 0.1234567 ja 0,1234567.",
            "Postinumerot 00100\u{2013}00990 ja 00100-00990.",
            "Vuosina 2019\u{2013}2024 maksoin 0\u{2013}100 € ja ０,５０ €.",
            "Huone B\u{00A0}204, klo 14.30\u{202F}\u{2013}\u{202F}15.00.",
        ])
    }

    // MARK: E-mail addresses

    func testEmailWithBracketedAtIsMasked() {
        let spellings = [
            "matti (at) example.org",
            "matti(at)example.org",
            "matti [at] example.org",
            "matti[at]example[dot]org",
            "matti [at] example [dot] org",
            "matti (AT) example (DOT) org",
            "matti {at} example {dot} fi",
            "matti <at> example <dot> fi",
            "matti ( at ) example ( dot ) org",
            "matti(a)example.org",
            "matti (ät) esimerkki (piste) fi",
            "åsa [at] exempel [punkt] se",
            "matti (dot) meikalainen (at) example (dot) fi",
        ]
        assertMasked(spellings, in: "Vastatkaa: %, kiitos.", as: .email)
    }

    func testEmailWithAtAsWordIsMaskedWhenUnmistakable() {
        let spellings = [
            "matti at example dot org",
            "MATTI AT EXAMPLE DOT ORG",
            "matti dot meikalainen at example dot fi",
            "matti.meikalainen at example.fi",
            "maija_v at posti.example.fi",
            "miukumauku ät example.fi",
            "åsa.öberg ät exempel.se",
        ]
        assertMasked(spellings, in: "Vastatkaa: %, kiitos.", as: .email)
    }

    func testEmailWithSpacesAroundAtSignIsMasked() {
        let spellings = ["matti @ example.org", "matti\u{00A0}@\u{00A0}example.org", "matti @ example (dot) org"]
        assertMasked(spellings, in: "Vastatkaa: %, kiitos.", as: .email)
    }

    func testFullWidthEmailIsMasked() {
        let spellings = [
            "matti＠example.org", // full-width at
            "ｍａｔｔｉ＠ｅｘａｍｐｌｅ．ｏｒｇ",
            "matti﹫example.org", // small commercial at
            "matti@example．fi", // full-width full stop
        ]
        assertMasked(spellings, in: "Vastatkaa: %, kiitos.", as: .email)
    }

    func testEmailWithInvisibleCharactersInsideIsMasked() {
        let spellings = [
            "matti\u{200B}@example.org",
            "mat\u{00AD}ti@exam\u{200D}ple.org",
            "matti@example\u{2060}.org",
            "matti@\u{FEFF}example.org",
            "matti\u{200C}.meikalainen@example.fi",
        ]
        assertMasked(spellings, in: "Vastatkaa: %, kiitos.", as: .email)
    }

    func testSpelledOutAddressEndsAtTheSentence() {
        // Arrange
        let text = "Write to me at matti.m@example.fi or matti at example dot fi at once."

        // Act
        let result = masker.mask(text)

        // Assert
        XCTAssertEqual(result.text, "Write to me at [EMAIL] or [EMAIL] at once.")
        XCTAssertEqual(result.maskedKinds, [.email])
    }

    func testEnglishSentencesWithAtAreNotEmails() {
        assertKept([
            "I was at the clinic at 9 and the nurse at reception was kind.",
            "Register at kaiku.fi or book your time at terveyskyla.fi.",
            "Look at this dot com bubble; we met at noon dot.",
            "The doctor arrived at 10.30 and left at 11.15.",
            "Staff were at their best at night.",
        ])
    }

    func testFinnishAndSwedishSentencesWithDotsAndBracketsAreNotEmails() {
        assertKept([
            "Kohta (a) ja kohta (b) olivat epäselviä, ks. sivu 3.",
            "Vaihtoehdot: (a) omakanta.fi tai (b) puhelin.",
            "Kiitos @hoitaja.anna ja @kaiku!",
            "Ät lunch i tid, sa läkaren. Jag åt på sjukhuset och läste vården.se i telefonen.",
            "Snälla ät maten.Se till att barnen äter.",
            "Lääkäri oli paikalla klo 8\u{2013}16, sain ajan 1.\u{2013}3.3.2024 (ks. liite).",
            "Kävin osoitteessa omakanta.fi ja hyvis.fi \u{2013} kiitos!",
        ])
    }

    // MARK: Idempotency and exact preservation

    func testMaskingLookAlikeSpellingsIsIdempotent() {
        // Arrange
        let text = "１３１０５２－３０８Ｔ, 040\u{2013}123\u{202F}4567, matti (at) example (dot) org, " +
            "040.123.4567, ｍａｔｔｉ＠ｅｘａｍｐｌｅ．ｏｒｇ"
        let once = masker.mask(text)

        // Act
        let twice = masker.mask(once.text)

        // Assert
        XCTAssertEqual(once.text, "[HETU], [PHONE], [EMAIL], [PHONE], [EMAIL]")
        XCTAssertEqual(twice.text, once.text)
        XCTAssertEqual(twice.maskedKinds, [])
    }

    func testTextAroundLookAlikeSpellingsIsPreservedExactly() {
        // Arrange
        let text = "👨‍👩‍👧 e\u{301} ＡＢＣ\u{00A0}—\u{200B} １３１０５２－３０８Ｔ\u{202F}…\n" +
            "ｔｅｌ． ０４０ １２３ ４５６７ ½ 👍🏽"

        // Act
        let result = masker.mask(text)

        // Assert
        let expected = "👨‍👩‍👧 e\u{301} ＡＢＣ\u{00A0}—\u{200B} [HETU]\u{202F}…\n" +
            "ｔｅｌ． [PHONE] ½ 👍🏽"
        XCTAssertEqual(Array(result.text.unicodeScalars), Array(expected.unicodeScalars))
        XCTAssertEqual(result.maskedKinds, [.identityCode, .phone])
    }

    func testLongHostileTextIsMaskedQuickly() {
        // Arrange: 200,000 characters of near-misses for every pattern.
        let unit = "040\u{2013}\u{200B}12 (at) x [dot] １３１０５２－ at dot @ "
        let text = String(repeating: unit, count: 200_000 / unit.count)

        // Act
        let started = Date()
        _ = masker.mask(text)
        let seconds = Date().timeIntervalSince(started)

        // Assert
        XCTAssertLessThan(seconds, 10)
    }
}
