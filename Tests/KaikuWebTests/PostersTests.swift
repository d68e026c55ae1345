import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// `/staff/posters`: printable cards with QR codes for a unit's targets.
final class PostersTests: XCTestCase {
    func testAUnitsSheetHasACardPerTargetOfItsSubtree() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await world.signIn(app, role: .supervisor, unit: "A", email: "super-a@posters.example")
            let browser = StaffBrowser(app, host: "palaute.example.fi")
            try await browser.signIn(email: "super-a@posters.example")

            let sheet = try await browser.get("/staff/posters?lang=en")
            let other = try await browser.get("/staff/posters?unit=B")

            XCTAssertEqual(sheet.status, .ok)
            XCTAssertEqual(sheet.text.components(separatedBy: "class=\"poster poster-card\"").count - 1, 3)
            for code in ["t-a1", "t-a2", "t-a2b"] {
                XCTAssertTrue(sheet.text.contains("http://palaute.example.fi/t/\(code)</p>"), code)
                XCTAssertTrue(sheet.text.contains("http://palaute.example.fi/t/\(code)/remote</p>"), code)
            }
            XCTAssertFalse(sheet.text.contains("/t/t-b1"), "only the unit's own subtree")
            XCTAssertEqual(sheet.text.components(separatedBy: "<svg").count - 1, 3, "a QR code on every card")
            XCTAssertEqual(other.status, .notFound)
        }
    }
}
