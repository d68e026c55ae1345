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
