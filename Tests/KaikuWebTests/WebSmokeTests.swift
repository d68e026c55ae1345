import XCTVapor
@testable import KaikuWeb
final class WebSmokeTests: XCTestCase { func testNothing() { XCTAssertTrue(true) } }
