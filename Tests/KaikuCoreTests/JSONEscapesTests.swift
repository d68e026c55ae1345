import KaikuCore
import XCTest

final class JSONEscapesTests: XCTestCase {
    private func hasNUL(_ json: String) -> Bool { JSONEscapes.containsNUL(Array(json.utf8)) }

    func testTheNULEscapeIsFoundInValuesAndKeys() {
        XCTAssertTrue(hasNUL(#"{"target": "t-a1\u0000"}"#))
        XCTAssertTrue(hasNUL(#"{"a\u0000b": 1}"#))
        XCTAssertTrue(hasNUL(#"["x", "\\\u0000"]"#), "an escaped backslash followed by the escape is still NUL")
    }

    func testOtherEscapesAndEscapedBackslashesAreNotNUL() {
        XCTAssertFalse(hasNUL(#"{"name": "Sää \u00e4 \u0001 \n \" \/"}"#))
        XCTAssertFalse(hasNUL(#"{"path": "C:\\u0000"}"#), "\\\\u0000 is a backslash and the text u0000")
        XCTAssertFalse(hasNUL(#"{"short": "\u000"}"#))
        XCTAssertFalse(hasNUL(#"{"end": "\"#))
        XCTAssertFalse(hasNUL(""))
    }
}
