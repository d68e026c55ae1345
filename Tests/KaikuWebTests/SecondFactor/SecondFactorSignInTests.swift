import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

final class SecondFactorSignInTests: XCTestCase {
    private let email = "anna@test.example"

    /// A user with two-factor sign-in set up on their account page, and the browser they did it in.
    private func enrolled(_ app: Application, clock: TestClock) async throws -> SecondFactorFixture {
        try await enrolledBrowser(app, clock: clock).0
    }

    private func enrolledBrowser(_ app: Application, clock: TestClock) async throws -> (SecondFactorFixture, StaffBrowser) {
        let world = try await TestWorld.make(on: app)
        try await world.signIn(app, role: .handler, unit: "A1", email: email)
        let browser = StaffBrowser(app)
        try await browser.signIn(email: email)
        return (try await SecondFactorFixture.enrol(browser, clock: clock), browser)
    }

    private func token(_ app: Application, code: String?) async throws -> XCTHTTPResponse {
        var body = ["email": email, "password": TestWorld.password]
        if let code { body["code"] = code }
        return try await app.send(.POST, "/api/v1/auth/token", json: body)
    }

    func testEnrolmentShowsTenRecoveryCodesStoresTheSecretSealedAndIsAudited() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let fixture = try await enrolled(app, clock: clock)

            XCTAssertEqual(fixture.recoveryCodes.count, 10)
            let row = try await SecondFactor.query(on: app.db).first()
            let stored = try XCTUnwrap(row)
            XCTAssertTrue(stored.secretSealed.hasPrefix("v1:"), "sealed like contact details")
            XCTAssertFalse(stored.secretSealed.contains(Base32.encode(fixture.secret)))
            let hashes = try await RecoveryCode.query(on: app.db).all().map(\.codeHash)
            XCTAssertEqual(hashes.count, 10)
            XCTAssertFalse(hashes.contains { fixture.recoveryCodes.map { $0.replacingOccurrences(of: "-", with: "") }.contains($0) })
            let audit = try await UserFixtures.audit(app, "second-factor.enrol")
            XCTAssertEqual(audit.count, 1)
        }
    }

    func testTheSignInPageAsksForTheCodeAfterTheRightPasswordAndStartsNoSessionBefore() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let fixture = try await enrolled(app, clock: clock)
            clock.advance(by: 30)
            let browser = StaffBrowser(app)

            let password = try await browser.signIn(email: email)
            XCTAssertEqual(password.status, .seeOther)
            XCTAssertEqual(password.headers.first(name: .location), "/staff/login/code?next=/staff")
            XCTAssertNil(browser.cookies[StaffSession.cookie], "no session before the second step")
            let inbox = try await browser.get("/staff")
            XCTAssertEqual(inbox.status, .seeOther, "still sent to sign in")

            try await browser.get("/staff/login/code?next=/staff")
            let wrong = try await browser.post("/staff/login/code", form: ["code": "000000", "next": "/staff"])
            XCTAssertEqual(wrong.status, .unauthorized)
            XCTAssertNil(browser.cookies[StaffSession.cookie])
            let right = try await browser.post("/staff/login/code", form: ["code": fixture.code(), "next": "/staff"])

            XCTAssertEqual(right.status, .seeOther, right.text)
            XCTAssertEqual(right.headers.first(name: .location), "/staff")
            XCTAssertNotNil(browser.cookies[StaffSession.cookie])
            XCTAssertNil(browser.cookies[PendingSignIns.cookie])
        }
    }

    func testTheSecondStepIsBoundToTheBrowserAndEndsAfterFiveMinutes() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let fixture = try await enrolled(app, clock: clock)
            clock.advance(by: 30)
            let browser = StaffBrowser(app)
            try await browser.signIn(email: email)
            let stranger = StaffBrowser(app)
            try await stranger.get("/staff/login")

            let elsewhere = try await stranger.post("/staff/login/code", form: ["code": fixture.code(), "next": "/staff"])
            XCTAssertEqual(elsewhere.status, .seeOther)
            XCTAssertEqual(elsewhere.headers.first(name: .location), "/staff/login")
            XCTAssertNil(stranger.cookies[StaffSession.cookie])

            try await browser.get("/staff/login/code")
            clock.advance(by: 5 * 60 + 1)
            let late = try await browser.post("/staff/login/code", form: ["code": fixture.code(), "next": "/staff"])
            XCTAssertEqual(late.headers.first(name: .location), "/staff/login", "the half-signed-in state has ended")
            XCTAssertNil(browser.cookies[StaffSession.cookie])
        }
    }

    func testTheTokenEndpointWantsTheCodeAndTakesEachCodeOnce() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let fixture = try await enrolled(app, clock: clock)
            clock.advance(by: 30)

            let without = try await token(app, code: nil)
            let wrong = try await token(app, code: "12345x")
            let code = fixture.code()
            let right = try await token(app, code: code)
            let again = try await token(app, code: code)

            for refused in [without, wrong, again] {
                XCTAssertEqual(refused.status, .unauthorized, refused.text)
                XCTAssertEqual(refused.object["field"] as? String, "code")
                XCTAssertNotNil(refused.object["error"] as? String)
            }
            XCTAssertEqual(right.status, .ok, right.text)
            XCTAssertFalse(try right.json(AuthController.TokenResponse.self).token.isEmpty)
            clock.advance(by: 30)
            let next = try await token(app, code: fixture.code())
            XCTAssertEqual(next.status, .ok, "the next step's code works")
        }
    }

    func testEachRecoveryCodeSignsInOnceAndItsUseIsAudited() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let fixture = try await enrolled(app, clock: clock)
            let recovery = try XCTUnwrap(fixture.recoveryCodes.first)

            let first = try await token(app, code: recovery.uppercased())
            let second = try await token(app, code: recovery)

            XCTAssertEqual(first.status, .ok, first.text)
            XCTAssertEqual(second.status, .unauthorized)
            XCTAssertEqual(second.object["field"] as? String, "code")
            let audit = try await UserFixtures.audit(app, "second-factor.recovery-code-used")
            XCTAssertEqual(audit.count, 1)
            let unused = try await SecondFactors.unusedRecoveryCodes(userID: try UserFixtures.id(app, email), on: app.db)
            XCTAssertEqual(unused, 9)
        }
    }

    func testWrongCodesAreThrottledLikePasswords() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let fixture = try await enrolled(app, clock: clock)
            clock.advance(by: 30)
            for _ in 0..<5 {
                let wrong = try await token(app, code: "000000")
                XCTAssertEqual(wrong.status, .unauthorized)
            }

            let blocked = try await token(app, code: fixture.code())

            XCTAssertEqual(blocked.status, .tooManyRequests)
            XCTAssertEqual(blocked.headers.first(name: "Retry-After"), "1")
            clock.advance(by: 1)
            let after = try await token(app, code: fixture.code())
            XCTAssertEqual(after.status, .ok, "the right code works once the wait is over")
        }
    }

    func testTurningItOffNeedsThePasswordOrACodeAndThenThePasswordAloneSignsIn() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let (_, browser) = try await enrolledBrowser(app, clock: clock)
            let userID = try await UserFixtures.id(app, email)
            try await browser.get("/staff/account")

            let wrong = try await browser.post("/staff/account/two-factor/disable", form: ["proof": "not-my-password"])
            let stillOn = try await SecondFactors.isEnrolled(userID: userID, on: app.db)
            let right = try await browser.post("/staff/account/two-factor/disable", form: ["proof": TestWorld.password])

            XCTAssertEqual(wrong.status, .badRequest)
            XCTAssertTrue(stillOn, "a wrong proof changes nothing")
            XCTAssertEqual(right.status, .seeOther, right.text)
            let off = try await SecondFactors.isEnrolled(userID: userID, on: app.db)
            XCTAssertFalse(off)
            let codes = try await RecoveryCode.query(on: app.db).count()
            XCTAssertEqual(codes, 0)
            let audit = try await UserFixtures.audit(app, "second-factor.remove")
            XCTAssertEqual(audit.count, 1)
            let api = try await token(app, code: nil)
            XCTAssertEqual(api.status, .ok)
        }
    }

    func testNewRecoveryCodesReplaceTheOldOnes() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let (fixture, browser) = try await enrolledBrowser(app, clock: clock)
            try await browser.get("/staff/account")
            clock.advance(by: 30)

            let renewed = try await browser.post("/staff/account/two-factor/recovery-codes", form: ["proof": fixture.code()])

            XCTAssertEqual(renewed.status, .ok, renewed.text)
            let codes = SecondFactorFixture.recoveryCodes(in: renewed.text)
            XCTAssertEqual(codes.count, 10)
            let old = try await token(app, code: try XCTUnwrap(fixture.recoveryCodes.first))
            XCTAssertEqual(old.status, .unauthorized, "the old codes no longer work")
            let new = try await token(app, code: try XCTUnwrap(codes.first))
            XCTAssertEqual(new.status, .ok)
        }
    }

    func testAnOrganisationRequirementTakesAUserWithoutASecondFactorToSetItUpFirst() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT", email: "chief@test.example")
            try await world.signIn(app, role: .handler, unit: "A1", email: email)
            let changed = try await app.send(.PATCH, "/api/v1/organisation", json: ["requireSecondFactor": true], token: admin)
            XCTAssertEqual(changed.status, .ok, changed.text)
            XCTAssertEqual(changed.object["requireSecondFactor"] as? Bool, true)

            let api = try await token(app, code: nil)
            XCTAssertEqual(api.status, .unauthorized)
            XCTAssertEqual(api.object["field"] as? String, "code")
            let browser = StaffBrowser(app)
            let password = try await browser.signIn(email: email)
            XCTAssertEqual(password.headers.first(name: .location), "/staff/login/two-factor?next=/staff")
            XCTAssertNil(browser.cookies[StaffSession.cookie])
            let otherPage = try await browser.get("/staff/account")
            XCTAssertEqual(otherPage.status, .seeOther, "no other page before the set-up")
            let setup = try await browser.get("/staff/login/two-factor?next=/staff")
            XCTAssertEqual(setup.status, .ok)
            XCTAssertTrue(setup.text.contains("<svg"), "the QR code is inline")
            let fixture = SecondFactorFixture(secret: try SecondFactorFixture.secret(in: setup.text), recoveryCodes: [], clock: clock)
            let done = try await browser.post("/staff/login/two-factor", form: ["code": fixture.code(), "next": "/staff"])

            XCTAssertEqual(done.status, .ok, done.text)
            XCTAssertEqual(SecondFactorFixture.recoveryCodes(in: done.text).count, 10)
            XCTAssertNotNil(browser.cookies[StaffSession.cookie])
            let inbox = try await browser.get("/staff/account")
            XCTAssertEqual(inbox.status, .ok)
            clock.advance(by: 30)
            let withCode = try await token(app, code: fixture.code())
            XCTAssertEqual(withCode.status, .ok, withCode.text)
        }
    }

    func testAUserWithoutASecondFactorSignsInWithThePasswordAsBefore() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await world.signIn(app, role: .handler, unit: "A1", email: email)

            let response = try await token(app, code: nil)
            let browser = StaffBrowser(app)
            let page = try await browser.signIn(email: email)

            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(page.headers.first(name: .location), "/staff")
            XCTAssertNotNil(browser.cookies[StaffSession.cookie])
        }
    }
}
