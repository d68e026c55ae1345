import FluentKit
import Foundation
import KaikuStore
import XCTVapor
@testable import KaikuWeb

final class AccountSecurityTests: XCTestCase {
    private func signIn(_ app: Application, _ email: String, _ password: String) async throws -> XCTHTTPResponse {
        try await app.send(.POST, "/api/v1/auth/token", json: ["email": email, "password": password])
    }

    func testFailedSignInsFromAnAttackerNeverStopTheOwnerFromAnotherAddress() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            try await world.signIn(app, role: .administrator, unit: "ROOT", email: "chief@test.example")
            var failures = 0
            var refusedAtOnce = 0
            while failures < 50 {
                let attempt = try await app.signIn(from: "203.0.113.66", "chief@test.example", "guess-guess-guess")
                if attempt.status == .unauthorized {
                    failures += 1
                } else {
                    XCTAssertEqual(attempt.status, .tooManyRequests)
                    refusedAtOnce += 1
                    clock.advance(by: TimeInterval(try XCTUnwrap(attempt.headers.first(name: "Retry-After").flatMap(Int.init))))
                }
            }

            let owner = try await app.signIn(from: "198.51.100.7", "chief@test.example", TestWorld.password)

            XCTAssertEqual(owner.status, .ok, "50 failures elsewhere neither lock nor slow the owner")
            XCTAssertGreaterThan(refusedAtOnce, 0, "the attacker was slowed down")
            let user = try await User.query(on: app.db).filter(\.$email == "chief@test.example").first()
            XCTAssertNil(user?.lockedAt)
        }
    }

    func testRepeatedFailuresOfOnePairAreAnsweredAtOnceWith429AndADoublingRetryAfter() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            try await world.signIn(app, role: .handler, unit: "A1", email: "careless@test.example")
            for _ in 0..<5 {
                let failed = try await app.signIn(from: "192.0.2.10", "careless@test.example", "typo-typo-typo")
                XCTAssertEqual(failed.status, .unauthorized)
            }

            let first = try await app.signIn(from: "192.0.2.10", "careless@test.example", TestWorld.password)
            clock.advance(by: 1)
            let sixth = try await app.signIn(from: "192.0.2.10", "careless@test.example", "typo-typo-typo")
            let second = try await app.signIn(from: "192.0.2.10", "careless@test.example", TestWorld.password)
            clock.advance(by: 2)
            let right = try await app.signIn(from: "192.0.2.10", "careless@test.example", TestWorld.password)

            XCTAssertEqual(first.status, .tooManyRequests, "not checked during the wait, the right password neither")
            XCTAssertEqual(first.headers.first(name: "Retry-After"), "1")
            XCTAssertTrue(first.text.contains("try again in 1 seconds"), first.text)
            XCTAssertEqual(sixth.status, .unauthorized)
            XCTAssertEqual(second.headers.first(name: "Retry-After"), "2", "the wait doubles")
            XCTAssertEqual(right.status, .ok)
            let afterwards = try await app.signIn(from: "192.0.2.10", "careless@test.example", "typo-typo-typo")
            XCTAssertEqual(afterwards.status, .unauthorized, "a right password starts the pair afresh")
        }
    }

    func testTheDelayNeverExceedsFifteenMinutes() async {
        let throttle = LoginThrottle()
        let now = Date()
        for _ in 0..<60 { await throttle.recordFailure(account: "a@test.example", address: "192.0.2.1", now: now) }

        let wait = await throttle.retryAfter(account: "a@test.example", address: "192.0.2.1", now: now)

        XCTAssertEqual(wait, 900)
    }

    func testOneAddressTryingManyAccountsIsStopped() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            for index in 0..<100 {
                let failed = try await app.signIn(from: "203.0.113.9", "nobody\(index)@test.example", "whatever-whatever")
                XCTAssertEqual(failed.status, .unauthorized)
            }

            let sprayed = try await app.signIn(from: "203.0.113.9", "another@test.example", "whatever-whatever")
            let elsewhere = try await app.signIn(from: "203.0.113.10", "another@test.example", "whatever-whatever")

            XCTAssertEqual(sprayed.status, .tooManyRequests)
            XCTAssertNotNil(sprayed.headers.first(name: "Retry-After"))
            XCTAssertEqual(elsewhere.status, .unauthorized)
        }
    }

    func testForwardedForFromAnUntrustedPeerIsIgnored() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await world.signIn(app, role: .handler, unit: "A1", email: "h@test.example")
            for index in 0..<5 {
                _ = try await app.signIn(from: "203.0.113.5", "h@test.example", "wrong-wrong-wrong", headers: ["X-Forwarded-For": "198.51.100.\(index)"])
            }

            let spoofed = try await app.signIn(from: "203.0.113.5", "h@test.example", "wrong-wrong-wrong", headers: ["X-Forwarded-For": "198.51.100.99"])

            XCTAssertEqual(spoofed.status, .tooManyRequests, "a made-up X-Forwarded-For does not make a new client")
        }
    }

    func testForwardedForFromATrustedProxyNamesTheClient() async throws {
        try await withApp(adjust: { $0.trustedProxies = try! TrustedProxies("10.0.0.0/8, fd00::/8") }) { app in
            let world = try await TestWorld.make(on: app)
            try await world.signIn(app, role: .handler, unit: "A1", email: "h@test.example")
            for _ in 0..<5 {
                _ = try await app.signIn(from: "10.1.2.3", "h@test.example", "wrong-wrong-wrong", headers: ["X-Forwarded-For": "198.51.100.1"])
            }

            let sameClient = try await app.signIn(from: "fd00::5", "h@test.example", "wrong-wrong-wrong", headers: ["X-Forwarded-For": "198.51.100.1, 10.9.9.9"])
            let otherClient = try await app.signIn(from: "10.1.2.3", "h@test.example", TestWorld.password, headers: ["X-Forwarded-For": "198.51.100.1, 198.51.100.2"])

            XCTAssertEqual(sameClient.status, .tooManyRequests, "the client behind both proxies is the same")
            XCTAssertEqual(otherClient.status, .ok, "the right-most untrusted address is the client; what it wrote to the left is not")
        }
    }

    func testClientAddressIsTheRightMostUntrustedHop() throws {
        let trusted = try TrustedProxies("10.0.0.0/8,192.168.1.1,2001:db8::/32")

        XCTAssertEqual(Request.clientAddress(peer: "10.0.0.1", forwardedFor: ["6.6.6.6, 198.51.100.4, 192.168.1.1"], trusted: trusted), "198.51.100.4")
        XCTAssertEqual(Request.clientAddress(peer: "10.0.0.1", forwardedFor: ["6.6.6.6", "198.51.100.4"], trusted: trusted), "198.51.100.4")
        XCTAssertEqual(Request.clientAddress(peer: "203.0.113.1", forwardedFor: ["198.51.100.4"], trusted: trusted), "203.0.113.1")
        XCTAssertEqual(Request.clientAddress(peer: "10.0.0.1", forwardedFor: [], trusted: trusted), "10.0.0.1")
        XCTAssertEqual(Request.clientAddress(peer: "10.0.0.1", forwardedFor: ["10.0.0.7"], trusted: trusted), "10.0.0.7")
        XCTAssertEqual(Request.clientAddress(peer: "10.0.0.1", forwardedFor: ["unknown, 10.0.0.7"], trusted: trusted), "10.0.0.7")
        XCTAssertEqual(Request.clientAddress(peer: "2001:db8::1", forwardedFor: ["2a00:1450::5"], trusted: trusted), "2a00:1450::5")
        XCTAssertEqual(Request.clientAddress(peer: "10.0.0.1", forwardedFor: ["1.2.3.4"], trusted: TrustedProxies()), "10.0.0.1")
    }

    func testTrustedProxiesMatchAddressesAndCIDRRanges() throws {
        let trusted = try TrustedProxies(" 10.0.0.0/8 , 172.16.0.0/12,192.0.2.7, 2001:db8::/32, ::1, 0.0.0.0/0 ")
        XCTAssertTrue(trusted.contains("10.255.1.2"))
        XCTAssertTrue(trusted.contains("172.31.255.255"))
        XCTAssertTrue(trusted.contains("2001:db8:ffff::1"))
        XCTAssertTrue(trusted.contains("::1"))
        XCTAssertTrue(trusted.contains("::ffff:10.1.1.1"), "an IPv4-mapped IPv6 peer is its IPv4 address")

        let narrow = try TrustedProxies("10.0.0.0/8,172.16.0.0/12,192.0.2.7,2001:db8::/32,::1")
        XCTAssertFalse(narrow.contains("11.0.0.1"))
        XCTAssertFalse(narrow.contains("172.32.0.1"))
        XCTAssertFalse(narrow.contains("192.0.2.8"))
        XCTAssertFalse(narrow.contains("2001:db9::1"))
        XCTAssertFalse(narrow.contains("::2"))
        XCTAssertFalse(narrow.contains("unknown"))
        XCTAssertFalse(TrustedProxies().contains("10.0.0.1"))
        XCTAssertTrue(narrow.contains("192.0.2.7"))

        for wrong in ["10.0.0.0/33", "10.0.0/8", "example.org", "2001:db8::/129", "10.0.0.1/", "1.2.3.4/8/8", "fe80::/x"] {
            XCTAssertThrowsError(try TrustedProxies(wrong), wrong)
        }
    }

    func testOnlyAdministratorsManageUsersAndUnlockInTheirSubtree() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let supervisor = try await world.signIn(app, role: .supervisor, unit: "ROOT")
            let listed = try await app.send(.GET, "/api/v1/users", token: supervisor)
            XCTAssertEqual(listed.status, .forbidden)
            let branchAdmin = try await world.signIn(app, role: .administrator, unit: "B")
            try await world.signIn(app, role: .handler, unit: "A1", email: "elsewhere@test.example")
            let users = try await app.send(.GET, "/api/v1/users", token: branchAdmin).json([UsersController.UserDTO].self)
            XCTAssertFalse(users.contains { $0.email == "elsewhere@test.example" })
            let other = try await User.query(on: app.db).filter(\.$email == "elsewhere@test.example").first()
            let refused = try await app.send(.POST, "/api/v1/users/\(try XCTUnwrap(other?.id))/unlock", token: branchAdmin)
            XCTAssertEqual(refused.status, .notFound)
        }
    }

    func testLockingAnAccountStopsItsTokensAndSessionsAtOnceUntilItIsUnlocked() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "A")
            let token = try await world.signIn(app, role: .handler, unit: "A1", email: "leaver@test.example")
            let browser = StaffBrowser(app)
            let result1 = try await browser.signIn(email: "leaver@test.example")
            XCTAssertEqual(result1.status, .seeOther)
            let result2 = try await app.send(.GET, "/api/v1/cases", token: token)
            XCTAssertEqual(result2.status, .ok)
            let idRow = try await User.query(on: app.db).filter(\.$email == "leaver@test.example").first()
            let id = try XCTUnwrap(idRow?.id)

            let locked = try await app.send(.POST, "/api/v1/users/\(id)/lock", token: admin)

            XCTAssertEqual(locked.status, .ok, locked.text)
            XCTAssertTrue(try locked.json(UsersController.UserDTO.self).locked)
            let result3 = try await app.send(.GET, "/api/v1/cases", token: token)
            XCTAssertEqual(result3.status, .unauthorized)
            let page = try await browser.get("/staff")
            XCTAssertEqual(page.headers.first(name: .location)?.hasPrefix("/staff/login"), true, "the session ended too")
            let result4 = try await app.send(.POST, "/api/v1/auth/token", json: ["email": "leaver@test.example", "password": TestWorld.password])
            XCTAssertEqual(result4.status, .forbidden)
            let unlocked = try await app.send(.POST, "/api/v1/users/\(id)/unlock", token: admin)
            XCTAssertEqual(unlocked.status, .ok)
            let result5 = try await app.send(.POST, "/api/v1/auth/token", json: ["email": "leaver@test.example", "password": TestWorld.password])
            XCTAssertEqual(result5.status, .ok)
        }
    }

    func testATokenOfAnAccountLockedInTheDatabaseIsRefused() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let token = try await world.signIn(app, role: .handler, unit: "A1", email: "locked@test.example")
            let userRow = try await User.query(on: app.db).filter(\.$email == "locked@test.example").first()
            let user = try XCTUnwrap(userRow)
            user.lockedAt = Date()
            try await user.save(on: app.db)

            let refused = try await app.send(.GET, "/api/v1/cases", token: token)

            XCTAssertEqual(refused.status, .unauthorized)
        }
    }

    func testEndingAUsersSessionsSignsThemOutEverywhereButLeavesTheAccountOpen() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let token = try await world.signIn(app, role: .handler, unit: "B1", email: "lost-phone@test.example")
            let browser = StaffBrowser(app)
            try await browser.signIn(email: "lost-phone@test.example")
            let idRow = try await User.query(on: app.db).filter(\.$email == "lost-phone@test.example").first()
            let id = try XCTUnwrap(idRow?.id)

            let ended = try await app.send(.DELETE, "/api/v1/users/\(id)/sessions", token: admin)

            XCTAssertEqual(ended.status, .noContent)
            let result6 = try await app.send(.GET, "/api/v1/cases", token: token)
            XCTAssertEqual(result6.status, .unauthorized)
            let result7 = try await browser.get("/staff")
            XCTAssertEqual(result7.status, .seeOther)
            let count = try await UserToken.query(on: app.db).filter(\.$userID == id).count()
            XCTAssertEqual(count, 0)
            let result8 = try await app.send(.POST, "/api/v1/auth/token", json: ["email": "lost-phone@test.example", "password": TestWorld.password])
            XCTAssertEqual(result8.status, .ok)
        }
    }

    func testOnlyAnAdministratorWhoseSubtreeCoversTheUserLocksOrSignsThemOut() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let supervisor = try await world.signIn(app, role: .supervisor, unit: "ROOT")
            let branchAdmin = try await world.signIn(app, role: .administrator, unit: "B", email: "branch-admin@test.example")
            let otherOrganisation = try await world.signIn(app, role: .administrator, unit: "X")
            let token = try await world.signIn(app, role: .handler, unit: "A1", email: "a1@test.example")
            let idRow = try await User.query(on: app.db).filter(\.$email == "a1@test.example").first()
            let id = try XCTUnwrap(idRow?.id)
            let selfIDRow = try await User.query(on: app.db).filter(\.$email == "branch-admin@test.example").first()
            let selfID = try XCTUnwrap(selfIDRow?.id)

            for path in ["/api/v1/users/\(id)/lock", "/api/v1/users/\(id)/sessions"] {
                let method: HTTPMethod = path.hasSuffix("lock") ? .POST : .DELETE
                let result9 = try await app.send(method, path, token: supervisor)
                XCTAssertEqual(result9.status, .forbidden, path)
                let result10 = try await app.send(method, path, token: branchAdmin)
                XCTAssertEqual(result10.status, .notFound, path)
                let result11 = try await app.send(method, path, token: otherOrganisation)
                XCTAssertEqual(result11.status, .notFound, path)
            }
            let ownLock = try await app.send(.POST, "/api/v1/users/\(selfID)/lock", token: branchAdmin)

            XCTAssertEqual(ownLock.status, .conflict)
            let result12 = try await app.send(.GET, "/api/v1/cases", token: token)
            XCTAssertEqual(result12.status, .ok, "nothing was ended")
        }
    }

    func testAccessLogIsReadableAndExportableByAdministratorsOnly() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let receipt = try await TestWorld.submit(app, target: "t-a1", nps: 0, extra: ["contact": ["email": "=cmd@example.fi"], "wantsAnswer": true])
            let handler = try await world.signIn(app, role: .handler, unit: "A1", email: "viewer@test.example")
            let cases = try await app.send(.GET, "/api/v1/cases?receipt=\(receipt.receipt)", token: handler).json([CaseSummaryDTO].self)
            _ = try await app.send(.GET, "/api/v1/cases/\(try XCTUnwrap(cases.first?.id))", token: handler)

            let refused = try await app.send(.GET, "/api/v1/access-log", token: handler)
            XCTAssertEqual(refused.status, .forbidden)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let entries = try await app.send(.GET, "/api/v1/access-log", token: admin).json([AccessLogController.EntryDTO].self)
            XCTAssertEqual(entries.count, 1)
            XCTAssertEqual(entries.first?.user, "viewer@test.example")
            XCTAssertEqual(entries.first?.caseReceipt, receipt.receipt)
            let csv = try await app.send(.GET, "/api/v1/access-log?format=csv", token: admin)
            XCTAssertEqual(csv.headers.contentType?.subType, "csv")
            let lines = csv.text.split(separator: "\n")
            XCTAssertEqual(lines.first, "at,user,action,case_receipt")
            XCTAssertTrue(lines.dropFirst().first?.contains("\"viewer@test.example\",\"case.contact.view\",\"\(receipt.receipt)\"") == true)
            let past = try await app.send(.GET, "/api/v1/access-log?to=2020-01-01", token: admin).json([AccessLogController.EntryDTO].self)
            XCTAssertTrue(past.isEmpty)
            let otherOrganisation = try await world.signIn(app, role: .administrator, unit: "X")
            let isolated = try await app.send(.GET, "/api/v1/access-log", token: otherOrganisation).json([AccessLogController.EntryDTO].self)
            XCTAssertTrue(isolated.isEmpty, "another organisation's log is not shown")
        }
    }

    func testCSVFieldsCannotStartAFormula() {
        XCTAssertEqual(AccessLogController.csvField("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"")
        XCTAssertEqual(AccessLogController.csvField("plain"), "\"plain\"")
    }
}
