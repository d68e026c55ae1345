import KaikuCore
import XCTest

final class JSONEscapesTests: XCTestCase {
    /// The scan over raw bytes (what a request body goes through), checked against the generic one.
    private func hasNUL(_ json: String, line: UInt = #line) -> Bool {
        let bytes = Array(json.utf8)
        let raw = bytes.withUnsafeBytes { JSONEscapes.containsNUL($0) }
        XCTAssertEqual(raw, JSONEscapes.containsNUL(bytes), "the two scans disagree on \(json)", line: line)
        return raw
    }

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
