import KaikuCore
import XCTest

/// A "what we did" note: Finnish required, translations optional and
/// falling back to Finnish, each bounded and free of control characters.
final class UnitNoteTextTests: XCTestCase {
    func testANoteNeedsFinnishAndFallsBackToIt() throws {
        XCTAssertThrowsError(try UnitNoteText.checked(fi: " \n", sv: "Nya skyltar", en: nil)) { error in
            XCTAssertEqual(error as? UnitNoteText.Problem, .missingFinnish)
        }
        let note = try UnitNoteText.checked(fi: " Uudet opasteet\r\n", sv: "", en: "New signs")
        XCTAssertEqual(note, UnitNoteText(fi: "Uudet opasteet", sv: nil, en: "New signs"))
        XCTAssertEqual(note.text(in: .sv), "Uudet opasteet")
        XCTAssertEqual(note.text(in: .en), "New signs")
        XCTAssertThrowsError(try UnitNoteText.checked(fi: "ok", sv: String(repeating: "å", count: 601), en: nil)) { error in
            XCTAssertEqual(error as? UnitNoteText.Problem, .tooLong(.sv))
        }
        XCTAssertThrowsError(try UnitNoteText.checked(fi: "a\u{0}b", sv: nil, en: nil)) { error in
            XCTAssertEqual(error as? UnitNoteText.Problem, .controlCharacters(.fi))
        }
    }
}
