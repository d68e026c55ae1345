import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// `/staff/sms-survey`: the survey's last 30 days for one's units, and its
/// settings, which only an administrator of the whole organisation changes.
final class StaffSMSSurveyPageTests: XCTestCase {
    private func settingsForm(units: [String], quietFrom: String = "22:00", enabled: Bool = true) -> [(String, String)] {
        (enabled ? [("enabled", "on")] : []) + [("delayMinutes", "60"), ("quietFrom", quietFrom), ("quietTo", "07:30"), ("oncePerDays", "30")]
            + units.map { ("units[]", $0) }
    }

    /// A visit as the survey leaves it: asked unless skipped or still waiting, answered when a score came.
    private func addVisit(_ app: Application, _ world: TestWorld, unit: String, status: Visit.Status, skip: VisitSkip? = nil,
                          daysAgo: Double = 1, asked: Bool? = nil, answered: Bool? = nil) async throws {
        let visit = Visit()
        visit.organisationID = try world.units[unit]!.organisationID
        visit.externalID = UUID().uuidString
        visit.unitID = try world.units[unit]!.requireID()
        visit.visitedAt = Date().addingTimeInterval(-daysAgo * 86_400)
        visit.language = "fi"
        visit.status = status.rawValue
        visit.skipReason = skip?.rawValue
        visit.retried = false
        visit.createdAt = visit.visitedAt
        if asked ?? ![.skipped, .scheduled].contains(status) { visit.askedAt = visit.visitedAt.addingTimeInterval(7_200) }
        if answered ?? [.commentAsked, .done].contains(status) { visit.responseID = UUID() }
        try await visit.create(on: app.db)
    }

    /// The count in a figure's row of the activity table.
    private func figure(_ page: String, _ key: String) -> Int? {
        let pattern = #"<tr data-figure="\#(key)"><th scope="row">[^<]*</th><td class="number">(\d+)</td>"#
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: page, range: NSRange(page.startIndex..., in: page)),
              let range = Range(match.range(at: 1), in: page) else { return nil }
        return Int(page[range])
    }

    func testAnAdministratorTurnsTheSurveyOnForChosenUnitsAndARefusedChangeKeepsTheSettings() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await world.signIn(app, role: .administrator, unit: "ROOT", email: "admin@sms.example")
            let admin = StaffBrowser(app)
            try await admin.signIn(email: "admin@sms.example")
            let before = try await admin.get("/staff/sms-survey?lang=en")
            XCTAssertTrue(before.text.contains("The survey is off"), before.text)

            let saved = try await admin.post("/staff/sms-survey", fields: settingsForm(units: ["A", "B1"]))
            try await admin.get("/staff/sms-survey?lang=en")
            let refused = try await admin.post("/staff/sms-survey", fields: settingsForm(units: ["A"], quietFrom: "25:00"))

            XCTAssertEqual(saved.status, .ok, saved.text)
            XCTAssertTrue(saved.text.contains("id=\"notice\""), saved.text)
            XCTAssertEqual(refused.status, .badRequest)
            XCTAssertTrue(refused.text.contains("href=\"#f-quietFrom\""), "the error links to the field")
            XCTAssertTrue(refused.text.contains("value=\"25:00\""), "what was typed is shown again for correcting")
            let stored = try await SMSSurveyStore.settings(for: try world.organisation.requireID(), on: app.db)
            let expected = try SMSSurveySettings(enabled: true, delayMinutes: 60, quietStart: 22 * 60, quietEnd: 7 * 60 + 30, oncePerDays: 30,
                                                 units: [world.units["A"]!.requireID(), world.units["B1"]!.requireID()])
            XCTAssertEqual(stored, expected, "the refused change left the saved settings as they were")
            let unitA = try world.units["A"]!.requireID()
            let a1 = try world.units["A1"]!.requireID()
            let context = try await SMSSurveyStore.intakeContext(organisationID: try world.organisation.requireID(), on: app.db)
            let takesPart = context.takesPart(a1)
            XCTAssertTrue(stored.units.contains(unitA) && takesPart, "a unit takes part with the units under it")
        }
    }

    func testSupervisorsSeeTheirUnitsFiguresButNotTheOthersAndCannotChangeTheSettings() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await world.signIn(app, role: .supervisor, unit: "A", email: "super@sms.example")
            try await world.signIn(app, role: .handler, unit: "A", email: "handler@sms.example")
            for status in [Visit.Status.done, .done, .commentAsked, .asked, .expired, .optedOut, .scheduled] {
                try await addVisit(app, world, unit: "A1", status: status)
            }
            // A stop word ends visits whether or not their question went out, and keeps a score already given.
            try await addVisit(app, world, unit: "A1", status: .optedOut, asked: false, answered: false)
            try await addVisit(app, world, unit: "A1", status: .optedOut, asked: true, answered: true)
            try await addVisit(app, world, unit: "X", status: .done)
            try await addVisit(app, world, unit: "A2", status: .skipped, skip: .nonDisclosure)
            try await addVisit(app, world, unit: "A2", status: .done, daysAgo: 45)
            try await addVisit(app, world, unit: "B1", status: .done)
            let supervisor = StaffBrowser(app)
            try await supervisor.signIn(email: "super@sms.example")

            let page = try await supervisor.get("/staff/sms-survey?lang=en")
            let change = try await supervisor.post("/staff/sms-survey", fields: settingsForm(units: ["A"]))

            XCTAssertEqual(page.status, .ok, page.text)
            XCTAssertEqual(figure(page.text, "visits"), 10, "A's ten visits of the last 30 days, not B's, another county's nor older ones")
            XCTAssertEqual(figure(page.text, "asked"), 7, "a visit stopped before its question was not asked")
            XCTAssertEqual(figure(page.text, "answered"), 4, "a score given before a stop word counts")
            XCTAssertTrue(page.text.contains("57 % of those asked"), page.text)
            XCTAssertEqual(figure(page.text, "optedOut"), 3)
            XCTAssertEqual(figure(page.text, "waiting"), 1)
            XCTAssertNil(figure(page.text, "skip.nonDisclosure"), "one person with non-disclosure is not shown as a count")
            XCTAssertTrue(page.text.contains("fewer than 5"), page.text)
            XCTAssertFalse(page.text.contains("settings-form"), "supervisors read the settings")
            XCTAssertEqual(change.status, .forbidden)
            let handler = StaffBrowser(app)
            try await handler.signIn(email: "handler@sms.example")
            let forbidden = try await handler.get("/staff/sms-survey")
            XCTAssertEqual(forbidden.status, .forbidden)
        }
    }
}
