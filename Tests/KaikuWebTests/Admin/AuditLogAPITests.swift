import FluentKit
import Foundation
import KaikuStore
import XCTVapor
@testable import KaikuWeb

final class AuditLogAPITests: XCTestCase {
    private func instant(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    /// A fresh token: the clock moves a day at a time, further than a token lives.
    private func token(_ app: Application, _ email: String) async throws -> String {
        let response = try await app.send(.POST, "/api/v1/auth/token", json: ["email": email, "password": TestWorld.password])
        return try response.json(AuthController.TokenResponse.self).token
    }

    /// Three changes on three days in the test county, one in the other county.
    private func arrange(_ app: Application, clock: TestClock) async throws -> (admin: String, world: TestWorld) {
        let world = try await TestWorld.make(on: app)
        let admin = "admin@test.example"
        try await world.signIn(app, role: .administrator, unit: "ROOT", email: admin)
        let otherAdmin = try await world.signIn(app, role: .administrator, unit: "X", email: "admin@other.example")
        _ = try await app.send(.PATCH, "/api/v1/organisation", json: RawJSON(["promiseDays": 10]), token: try await token(app, admin))
        _ = try await app.send(.PATCH, "/api/v1/organisation", json: RawJSON(["promiseDays": 7]), token: otherAdmin)
        clock.advance(by: 86_400)
        _ = try await app.send(.POST, "/api/v1/reply-templates", json: ["name": "=HYPERLINK(\"x\")", "language": "fi", "subject": "S", "body": "B"],
                               token: try await token(app, admin))
        clock.advance(by: 86_400)
        let last = try await token(app, admin)
        _ = try await app.send(.PUT, "/api/v1/referral-texts", json: ["kind": "complaint", "language": "fi", "text": "Tee muistutus."], token: last)
        return (last, world)
    }

    func testTheLogListsTheOrganisationsChangesNewestFirst() async throws {
        let clock = TestClock(instant("2026-03-02T09:00:00+02:00"))
        try await withApp(clock: clock.wall) { app in
            let (admin, _) = try await arrange(app, clock: clock)

            let page = try await app.send(.GET, "/api/v1/audit-log", token: admin)

            XCTAssertEqual(page.status, .ok, page.text)
            let body = try page.json(AuditLogController.PageDTO.self)
            XCTAssertEqual(body.total, 3)
            XCTAssertEqual(body.entries.map(\.action), ["referral.update", "template.create", "settings.update"])
            XCTAssertEqual(body.entries.last?.before, .object(["promiseDays": .integer(14)]))
            XCTAssertEqual(body.entries.last?.after, .object(["promiseDays": .integer(10)]))
            XCTAssertEqual(body.entries.last?.actor, "admin@test.example")
            XCTAssertFalse(page.text.contains("admin@other.example"), "another organisation's entries are never shown")
        }
    }

    func testFiltersByDayActionAreaAndPage() async throws {
        let clock = TestClock(instant("2026-03-02T09:00:00+02:00"))
        try await withApp(clock: clock.wall) { app in
            let (admin, _) = try await arrange(app, clock: clock)
            func actions(_ query: String) async throws -> [String] {
                let response = try await app.send(.GET, "/api/v1/audit-log?\(query)", token: admin)
                XCTAssertEqual(response.status, .ok, response.text)
                return try response.json(AuditLogController.PageDTO.self).entries.map(\.action)
            }

            let onTheSecondDay = try await actions("from=2026-03-03&to=2026-03-03")
            let fromTheSecondDay = try await actions("from=2026-03-03")
            let byAction = try await actions("action=settings.update")
            let byArea = try await actions("action=referral")
            let secondPage = try await actions("limit=1&offset=1")

            XCTAssertEqual(onTheSecondDay, ["template.create"])
            XCTAssertEqual(fromTheSecondDay, ["referral.update", "template.create"])
            XCTAssertEqual(byAction, ["settings.update"])
            XCTAssertEqual(byArea, ["referral.update"])
            XCTAssertEqual(secondPage, ["template.create"])
        }
    }

    func testBadParametersAreRefusedByName() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            for (query, field) in [("from=2026-13-01", "from"), ("to=yesterday", "to"), ("from=2026-03-05&to=2026-03-01", "to"),
                                   ("action=a%20b", "action"), ("limit=0", "limit"), ("limit=501", "limit"), ("offset=-1", "offset"), ("format=xml", "format")] {
                let refused = try await app.send(.GET, "/api/v1/audit-log?\(query)", token: admin)
                XCTAssertEqual(refused.status, .badRequest, query)
                XCTAssertEqual(refused.object["field"] as? String, field, query)
            }
        }
    }

    func testOnlyAdministratorsOfTheWholeOrganisationReadTheLog() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            for (role, unit) in [(KaikuStore.User.Role.administrator, "A"), (.handler, "ROOT"), (.supervisor, "ROOT"), (.analyst, "ROOT")] {
                let token = try await world.signIn(app, role: role, unit: unit)
                let refused = try await app.send(.GET, "/api/v1/audit-log", token: token)
                XCTAssertEqual(refused.status, .forbidden, "\(role) of \(unit)")
            }
            let anonymous = try await app.send(.GET, "/api/v1/audit-log")
            XCTAssertEqual(anonymous.status, .unauthorized)
        }
    }

    func testTheCSVHoldsEveryMatchingRowWithFormulasDefused() async throws {
        let clock = TestClock(instant("2026-03-02T09:00:00+02:00"))
        try await withApp(clock: clock.wall) { app in
            let (admin, _) = try await arrange(app, clock: clock)

            let csv = try await app.send(.GET, "/api/v1/audit-log?format=csv&limit=1", token: admin)

            XCTAssertEqual(csv.status, .ok)
            XCTAssertEqual(csv.headers.contentType?.subType, "csv")
            let lines = csv.text.replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
            XCTAssertEqual(lines.first, "at,actor,action,subject,before,after")
            XCTAssertEqual(lines.count, 4, "limit pages JSON only; the CSV has every row")
            guard lines.count == 4 else { return }
            XCTAssertTrue(lines[2].hasPrefix("2026-03-03T09:00:00+02:00,admin@test.example,template.create,\"'=HYPERLINK"), lines[2])
            XCTAssertTrue(lines[3].contains(#""{""promiseDays"":14}""#), lines[3])
            XCTAssertFalse(csv.text.contains("admin@other.example"))
        }
    }
}
