import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// Kiosk devices: registration with a one-time pairing code, the device's
/// token, heartbeats, and one notice when a device goes silent.
final class KioskTests: XCTestCase {
    private func register(_ app: Application, token: String, targets: [String] = ["t-a1", "t-a2"],
                          minutes: Int? = 15) async throws -> XCTHTTPResponse {
        var body: [String: Any] = ["name": "Aula", "unit": "A", "targets": targets]
        if let minutes { body["offlineAfterMinutes"] = minutes }
        return try await app.send(.POST, "/api/v1/kiosks", json: RawJSON(body), token: token)
    }

    private func pair(_ app: Application, code: String) async throws -> String {
        let paired = try await app.send(.POST, "/api/v1/kiosk/pair", json: ["code": code])
        return try XCTUnwrap(paired.object["token"] as? String, paired.text)
    }

    private func pairingCode(_ response: XCTHTTPResponse) throws -> String {
        try XCTUnwrap(response.object["pairingCode"] as? String, response.text)
    }

    func testAPairedKioskGetsItsTargetsAndTheCodeWorksOnce() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let registered = try await register(app, token: admin)
            XCTAssertEqual(registered.status, .created, registered.text)
            let code = try XCTUnwrap(registered.object["pairingCode"] as? String)

            let paired = try await app.send(.POST, "/api/v1/kiosk/pair", json: ["code": code.lowercased().replacingOccurrences(of: "-", with: "")])
            let again = try await app.send(.POST, "/api/v1/kiosk/pair", json: ["code": code])

            XCTAssertEqual(paired.status, .ok, paired.text)
            XCTAssertEqual(again.status, .notFound, "a pairing code works once")
            let token = try XCTUnwrap(paired.object["token"] as? String)
            let config = try await app.send(.GET, "/api/v1/kiosk/config", token: token)
            let targets = (config.object["targets"] as? [[String: Any]])?.map { $0["code"] as? String }
            XCTAssertEqual(targets, ["t-a1", "t-a2"])
            let names = (config.object["targets"] as? [[String: Any]])?.first?["name"] as? [String: String]
            XCTAssertEqual(names?["sv"], "Hammashoitola, Keskusta (sv)")
            XCTAssertEqual(config.object["languages"] as? [String], ["fi", "sv", "en"], "the organisation's default language comes first")
            XCTAssertEqual((config.object["unit"] as? [String: String])?["sv"], "Enhet A", "the kiosk names its unit")
            let stored = try await KioskDevice.query(on: app.db).first()
            XCTAssertNotEqual(stored?.tokenHash, token, "the token is stored only as a hash")
            XCTAssertNil(stored?.pairingCodeHash)
        }
    }

    func testRegistrationIsForAdministratorsOfTheUnitWithValidTargets() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let supervisor = try await world.signIn(app, role: .supervisor, unit: "A")

            let bySupervisor = try await register(app, token: supervisor)
            let otherCounty = try await register(app, token: admin, targets: ["t-x"])
            let noTargets = try await register(app, token: admin, targets: [])
            let tooQuick = try await register(app, token: admin, minutes: 1)
            let withNUL = try await register(app, token: admin, targets: ["t-a1", "t-a2\u{0}"])

            XCTAssertEqual(bySupervisor.status, .forbidden)
            XCTAssertEqual(otherCounty.status, .badRequest)
            XCTAssertEqual(otherCounty.object["field"] as? String, "targets")
            XCTAssertEqual(noTargets.object["field"] as? String, "targets")
            XCTAssertEqual(tooQuick.object["field"] as? String, "offlineAfterMinutes")
            XCTAssertEqual(withNUL.status, .badRequest, "PostgreSQL refuses NUL; the request must not reach it")
            XCTAssertEqual(withNUL.object["field"] as? String, "targets.1")
            let devices = try await KioskDevice.query(on: app.db).count()
            XCTAssertEqual(devices, 0)
        }
    }

    func testASilentKioskShowsOfflineAndIsToldOnceUntilItReportsInAgain() async throws {
        let clock = TestClock()
        let mail = RecordingMailSender()
        try await withApp(clock: clock.wall, mail: mail) { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT", email: "admin@county.example")
            let supervisor = try await world.signIn(app, role: .supervisor, unit: "A", email: "super@county.example")
            let code = try pairingCode(try await register(app, token: admin))
            let token = try await pair(app, code: code)

            clock.advance(by: 10 * 60)
            try await KioskWatch.run(app)
            let beforeSilence = try await app.send(.GET, "/api/v1/kiosks", token: supervisor)
            XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(beforeSilence.text.utf8)) as? [[String: Any]])?.first?["status"] as? String, "online")
            XCTAssertTrue(mail.messages.isEmpty)

            clock.advance(by: 6 * 60)
            try await KioskWatch.run(app)
            clock.advance(by: 5 * 60)
            try await KioskWatch.run(app)
            let silent = try await app.send(.GET, "/api/v1/kiosks", token: supervisor)
            XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(silent.text.utf8)) as? [[String: Any]])?.first?["status"] as? String, "offline")
            XCTAssertEqual(mail.messages.map(\.to), ["super@county.example"], "once, to the supervisor nearest the unit")
            XCTAssertTrue(mail.messages[0].subject.contains("Aula"))

            let beat = try await app.send(.POST, "/api/v1/kiosk/heartbeat", token: token)
            XCTAssertEqual(beat.status, .noContent)
            clock.advance(by: 16 * 60)
            try await KioskWatch.run(app)
            XCTAssertEqual(mail.messages.count, 2, "a new silence is told anew")
        }
    }

    func testAnUnpairedOrRepairedKioskIsRefused() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let registered = try await register(app, token: admin)
            let id = try XCTUnwrap(registered.object["id"] as? String)
            let code = try XCTUnwrap(registered.object["pairingCode"] as? String)
            let token = try await pair(app, code: code)

            let repaired = try await app.send(.POST, "/api/v1/kiosks/\(id)/pairing", token: admin)
            let old = try await app.send(.POST, "/api/v1/kiosk/heartbeat", token: token)
            let stranger = try await app.send(.GET, "/api/v1/kiosk/config", token: "not-a-kiosk")

            XCTAssertEqual(repaired.status, .ok)
            XCTAssertNotEqual(repaired.object["pairingCode"] as? String, code)
            XCTAssertEqual(old.status, .unauthorized, "a replaced tablet's token stops working")
            XCTAssertEqual(stranger.status, .unauthorized)
        }
    }

    func testTheDashboardNamesTheKiosksThatHaveNotReportedIn() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT", email: "admin@kiosk.example")
            let quiet = try pairingCode(try await register(app, token: admin, minutes: 15))
            let busy = try pairingCode(try await app.send(.POST, "/api/v1/kiosks", json: RawJSON(
                ["name": "Vastaanotto", "unit": "A", "targets": ["t-a2"], "offlineAfterMinutes": 60]), token: admin))
            _ = try await pair(app, code: quiet)
            _ = try await pair(app, code: busy)
            clock.advance(by: 20 * 60)
            let browser = StaffBrowser(app)
            try await browser.signIn(email: "admin@kiosk.example")

            let page = try await browser.get("/staff/dashboard?lang=en")

            XCTAssertTrue(page.text.contains("1 of 2 kiosks have not reported in on time."), page.text)
            XCTAssertTrue(page.text.contains("<li>Aula (Unit A), last "), "the silent kiosk is named")
            XCTAssertFalse(page.text.contains("<li>Vastaanotto"))
        }
    }

    func testAdministratorsRegisterKiosksOnTheStaffPageAndSupervisorsSeeThem() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await world.signIn(app, role: .administrator, unit: "ROOT", email: "admin@kiosk.example")
            try await world.signIn(app, role: .supervisor, unit: "A", email: "super@kiosk.example")
            try await world.signIn(app, role: .handler, unit: "A", email: "handler@kiosk.example")
            let admin = StaffBrowser(app)
            try await admin.signIn(email: "admin@kiosk.example")
            try await admin.get("/staff/kiosks?lang=en")

            let refused = try await admin.post("/staff/kiosks", form: ["name": "Aula", "unit": "A", "offlineAfterMinutes": "15"])
            let created = try await admin.post("/staff/kiosks", form: ["name": "Aula", "unit": "A", "targets[]": "t-a1", "offlineAfterMinutes": "15"])

            XCTAssertEqual(refused.status, .badRequest)
            XCTAssertTrue(refused.text.contains("Choose 1–20 feedback targets of your units."), refused.text)
            XCTAssertEqual(created.status, .created, created.text)
            let code = try XCTUnwrap(created.text.range(of: #"id="pairing-code">([A-Z2-9]{4}-[A-Z2-9]{4})<"#, options: .regularExpression)
                .map { String(created.text[$0].dropFirst(#"id="pairing-code">"#.count).dropLast()) })
            let token = try await pair(app, code: code)
            XCTAssertFalse(token.isEmpty)
            let supervisor = StaffBrowser(app)
            try await supervisor.signIn(email: "super@kiosk.example")
            let seen = try await supervisor.get("/staff/kiosks?lang=en")
            XCTAssertTrue(seen.text.contains("<tr data-status=\"online\"><th scope=\"row\">Aula</th>"), seen.text)
            XCTAssertFalse(seen.text.contains("register-form"), "supervisors see kiosks but do not register them")
            let handler = StaffBrowser(app)
            try await handler.signIn(email: "handler@kiosk.example")
            let forbidden = try await handler.get("/staff/kiosks")
            XCTAssertEqual(forbidden.status, .forbidden)
        }
    }
}
