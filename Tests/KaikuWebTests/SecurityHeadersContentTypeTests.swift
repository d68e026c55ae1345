import XCTest
@testable import KaikuWeb

/// Pages get the content security policy by their Content-Type, read without
/// Vapor's full directive parser: it must still know HTML in every spelling.
final class SecurityHeadersContentTypeTests: XCTestCase {
    func testHTMLIsKnownWithAnyParametersAndCase() {
        for value in ["text/html", "text/html; charset=utf-8", "TEXT/HTML;charset=UTF-8", "text/html ; charset=utf-8", "Text/Html"] {
            XCTAssertTrue(SecurityHeadersMiddleware.isHTML(value), value)
        }
    }

    func testOtherTypesAreNotHTML() {
        for value in [nil, "", "application/json", "text/htmlx", "text/htm", "text/plain; x=text/html", "application/xhtml+xml", "text/css"] {
            XCTAssertFalse(SecurityHeadersMiddleware.isHTML(value), value ?? "nil")
        }
    }
}
