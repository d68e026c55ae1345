import XCTVapor
@testable import KaikuWeb

final class SignInRedirectTests: XCTestCase {
    func testAHeaderSmuggledIntoNextIsNotSentAndTheSignInGoesToTheInbox() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await world.signIn(app, role: .handler, unit: "A1", email: "h@test.example")
            let browser = StaffBrowser(app)
            try await browser.get("/staff/login?next=%2Fstaff%0D%0ASet-Cookie:%20evil=1")
            XCTAssertFalse(browser.lastPage.contains("evil"), "the sign-in form does not carry the value on")

            let signedIn = try await browser.post("/staff/login", form: [
                "email": "h@test.example", "password": TestWorld.password, "next": "/staff\r\nSet-Cookie: evil=1"])

            XCTAssertEqual(signedIn.status, .seeOther)
            XCTAssertEqual(signedIn.headers.first(name: .location), "/staff")
            XCTAssertFalse(signedIn.headers[.setCookie].contains { $0.contains("evil") })
            XCTAssertNil(browser.cookies["evil"])
        }
    }

    func testOnlyAPlainLocalPathIsFollowed() {
        for hostile in ["//evil.example/staff", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "/staff\nX: y",
                        "/staff\u{7F}", "/staff\t", "staff", "", "/staff/\u{E4}", "/x:y/staff", "/" + String(repeating: "a", count: 600)] {
            XCTAssertEqual(LocalRedirect.path(hostile), "/staff", hostile)
        }
        XCTAssertEqual(LocalRedirect.path(nil), "/staff")
        for plain in ["/staff", "/staff?status=all&unit=A1", "/staff/cases/5D3F?done=take#notice", "/staff/dashboard?from=2026-01-01"] {
            XCTAssertEqual(LocalRedirect.path(plain), plain)
        }
    }
}
