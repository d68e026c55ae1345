import FluentKit
import Foundation
import KaikuStore
import XCTVapor
@testable import KaikuWeb

final class AccountSecurityTests: XCTestCase {
    private func signIn(_ app: Application, _ email: String, _ password: String) async throws -> XCTHTTPResponse {
        try await app.send(.POST, "/api/v1/auth/token", json: ["email": email, "password": password])
    }

    func testAccountLocksAfterRepeatedFailuresUntilAnAdministratorUnlocksIt() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            try await world.signIn(app, role: .handler, unit: "A1", email: "target@test.example")
            for _ in 0..<User.lockAfterFailures {
                let failed = try await signIn(app, "target@test.example", "guess-guess-guess")
                XCTAssertEqual(failed.status, .unauthorized)
            }
            let locked = try await signIn(app, "target@test.example", TestWorld.password)
            XCTAssertEqual(locked.status, .forbidden, "the right password does not open a locked account")
            XCTAssertTrue(locked.text.contains("locked"))

            let users = try await app.send(.GET, "/api/v1/users", token: admin).json([UsersController.UserDTO].self)
            let target = try XCTUnwrap(users.first { $0.email == "target@test.example" })
            XCTAssertTrue(target.locked)
            let unlocked = try await app.send(.POST, "/api/v1/users/\(target.id)/unlock", token: admin)
            XCTAssertEqual(unlocked.status, .ok)
            let again = try await signIn(app, "target@test.example", TestWorld.password)
            XCTAssertEqual(again.status, .ok)
        }
    }

    func testSuccessfulSignInResetsTheFailureCount() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await world.signIn(app, role: .handler, unit: "A1", email: "careless@test.example")
            for round in 0..<2 {
                for _ in 0..<(User.lockAfterFailures - 1) {
                    _ = try await signIn(app, "careless@test.example", "typo-typo-typo")
                }
                let ok = try await signIn(app, "careless@test.example", TestWorld.password)
                XCTAssertEqual(ok.status, .ok, "round \(round)")
            }
        }
    }

    func testGuessingFromOneAddressIsThrottled() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            var statuses: [HTTPStatus] = []
            for index in 0..<25 {
                statuses.append(try await signIn(app, "nobody\(index)@test.example", "whatever-whatever").status)
            }
            XCTAssertEqual(statuses.prefix(20).filter { $0 == .unauthorized }.count, 20)
            XCTAssertEqual(statuses.suffix(5), Array(repeating: .tooManyRequests, count: 5))
            let throttled = try await signIn(app, "nobody@test.example", "whatever-whatever")
            XCTAssertNotNil(throttled.headers.first(name: "Retry-After"))
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
