import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// Two-factor sign-in driven as its user would: the secret read off the
/// set-up page, codes made from it at the test clock's time.
struct SecondFactorFixture {
    var secret: [UInt8]
    var recoveryCodes: [String]
    let clock: TestClock

    func code() -> String {
        OneTimePassword(secret: secret, hmac: CryptoHMACSHA1()).code(at: clock.wall.now)
    }

    /// Sets up two-factor sign-in on the signed-in browser's account page.
    static func enrol(_ browser: StaffBrowser, clock: TestClock) async throws -> SecondFactorFixture {
        try await browser.get("/staff/account")
        let started = try await browser.post("/staff/account/two-factor/start", form: [:])
        XCTAssertEqual(started.status, .seeOther, started.text)
        let page = try await browser.get("/staff/account/two-factor")
        XCTAssertEqual(page.status, .ok, page.text)
        let fixture = SecondFactorFixture(secret: try secret(in: page.text), recoveryCodes: [], clock: clock)
        let confirmed = try await browser.post("/staff/account/two-factor/confirm", form: ["code": fixture.code()])
        XCTAssertEqual(confirmed.status, .ok, confirmed.text)
        return SecondFactorFixture(secret: fixture.secret, recoveryCodes: recoveryCodes(in: confirmed.text), clock: clock)
    }

    static func secret(in page: String) throws -> [UInt8] {
        let range = try XCTUnwrap(page.range(of: #"id="secret" class="secret">[A-Z2-7 ]+<"#, options: .regularExpression), page)
        let text = page[range].dropFirst(#"id="secret" class="secret">"#.count).dropLast()
        return try XCTUnwrap(Base32.decode(String(text)))
    }

    static func recoveryCodes(in page: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"<li><code>([a-z2-7]{5}-[a-z2-7]{5})</code></li>"#)
        return pattern.matches(in: page, range: NSRange(page.startIndex..., in: page)).compactMap {
            Range($0.range(at: 1), in: page).map { String(page[$0]) }
        }
    }
}
