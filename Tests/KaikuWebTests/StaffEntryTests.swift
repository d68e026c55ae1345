import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// Paper forms and oral feedback typed in by staff on `/staff/entry`.
final class StaffEntryTests: XCTestCase {
    private static let midsummer = TestClock(ISO8601DateFormatter().date(from: "2026-06-30T12:00:00Z")!)

    private func signedIn(_ app: Application, _ world: TestWorld, role: User.Role, unit: String) async throws -> StaffBrowser {
        let email = "\(role.rawValue)-\(unit.lowercased())@entry.example"
        try await world.signIn(app, role: role, unit: unit, email: email)
        let browser = StaffBrowser(app)
        let response = try await browser.signIn(email: email)
        XCTAssertEqual(response.status, .seeOther, response.text)
        return browser
    }

    private func entry(_ fields: [String: String] = [:]) -> [String: String] {
        ["target": "t-a2", "channel": "paper", "language": "fi", "date": "2026-06-10", "time": "", "nps": "8",
         "formToken": UUID().uuidString].merging(fields) { $1 }
    }

    func testAPaperFormIsStoredWithItsChannelTimeAndAnswersAndThePageKeepsWhereAndHow() async throws {
        try await withApp(clock: Self.midsummer.wall) { app in
            let world = try await TestWorld.make(on: app)
            let browser = try await signedIn(app, world, role: .handler, unit: "A")
            let page = try await browser.get("/staff/entry")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("value=\"t-a1\"") && page.text.contains("value=\"t-a2b\""))
            XCTAssertFalse(page.text.contains("value=\"t-b1\""), "only targets of the handler's units")
            XCTAssertTrue(page.text.contains("value=\"2026-06-30\""), "today is the default date")

            let saved = try await browser.post("/staff/entry", form: entry([
                "language": "sv", "time": "14:30", "nps": "9", "q_felt_safe": "4", "q_smooth_access": "X",
                "respondent": "relative", "openText": "Bra bemötande, ring mig 040 123 4567",
            ]))

            XCTAssertEqual(saved.status, .seeOther, saved.text)
            let stored = try await FeedbackResponse.query(on: app.db).all()
            XCTAssertEqual(stored.count, 1)
            let answer = try XCTUnwrap(stored.first)
            XCTAssertEqual(answer.channel, "paper")
            XCTAssertEqual(answer.language, "sv")
            XCTAssertEqual(answer.unitID, world.units["A2"]?.id)
            XCTAssertEqual(answer.answeredAt, ISO8601DateFormatter().date(from: "2026-06-10T11:30:00Z"), "14:30 in Helsinki")
            XCTAssertEqual(answer.recommendation, 9)
            XCTAssertEqual(answer.respondent, "relative")
            XCTAssertEqual(answer.openText, "Bra bemötande, ring mig [PHONE]")
            XCTAssertFalse(answer.wantsAnswer)
            let next = try await browser.get(try XCTUnwrap(saved.headers.first(name: .location)))
            XCTAssertTrue(next.text.contains(answer.receipt), "the receipt of the saved entry is announced")
            XCTAssertTrue(next.text.contains("<option value=\"t-a2\" selected>"), next.text)
            XCTAssertTrue(next.text.contains("id=\"f-channel-paper\" name=\"channel\" value=\"paper\" checked"))
            XCTAssertTrue(next.text.contains("value=\"2026-06-10\""))
            XCTAssertTrue(next.text.contains("name=\"nps\" value=\"\""), "the answers are empty for the next form")
            XCTAssertTrue(next.text.contains("autofocus"))
        }
    }

    func testOralFeedbackWithoutATimeIsRecordedAtNoonOnItsDay() async throws {
        try await withApp(clock: Self.midsummer.wall) { app in
            let world = try await TestWorld.make(on: app)
            let browser = try await signedIn(app, world, role: .supervisor, unit: "ROOT")
            try await browser.get("/staff/entry")

            let saved = try await browser.post("/staff/entry", form: entry(["target": "t-b1", "channel": "oral", "nps": "", "openText": "Suullisesti: kiitos"]))

            XCTAssertEqual(saved.status, .seeOther, saved.text)
            let answer = try await FeedbackResponse.query(on: app.db).first()
            XCTAssertEqual(answer?.channel, "oral")
            XCTAssertNil(answer?.recommendation)
            XCTAssertEqual(answer?.answeredAt, ISO8601DateFormatter().date(from: "2026-06-10T09:00:00Z"), "noon in Helsinki")
        }
    }

    func testAFormOfThisMorningWithoutATimeIsRecordedNowNotAtNoon() async throws {
        let morning = TestClock(ISO8601DateFormatter().date(from: "2026-06-30T05:15:00Z")!)
        try await withApp(clock: morning.wall) { app in
            let world = try await TestWorld.make(on: app)
            let browser = try await signedIn(app, world, role: .handler, unit: "A")
            try await browser.get("/staff/entry")

            let saved = try await browser.post("/staff/entry", form: entry(["date": "2026-06-30"]))

            XCTAssertEqual(saved.status, .seeOther, saved.text)
            let answer = try await FeedbackResponse.query(on: app.db).first()
            XCTAssertEqual(answer?.answeredAt, ISO8601DateFormatter().date(from: "2026-06-30T05:15:00Z"))
        }
    }

    func testRefusedEntriesStoreNothingAndPointAtTheField() async throws {
        try await withApp(clock: Self.midsummer.wall) { app in
            let world = try await TestWorld.make(on: app)
            let browser = try await signedIn(app, world, role: .handler, unit: "A")
            let cases: [([String: String], String)] = [
                (["target": "t-b1"], "f-target"),
                (["target": "t-x"], "f-target"),
                (["target": "t-a1\u{0}"], "f-target"),
                (["channel": "web"], "f-channel-paper"),
                (["date": "10.6.2026"], "f-date"),
                (["time": "25:00"], "f-time"),
                (["date": "2026-07-02"], "f-date"),
                (["nps": "11"], "f-nps"),
                (["q_felt_safe": "7"], "f-q_felt_safe"),
            ]

            for (fields, input) in cases {
                try await browser.get("/staff/entry")
                let response = try await browser.post("/staff/entry", form: entry(fields))
                XCTAssertEqual(response.status, .badRequest, "\(fields)")
                XCTAssertTrue(response.text.contains("href=\"#\(input)\""), "\(fields): the error links to \(input)")
                XCTAssertTrue(response.text.contains("role=\"alert\""))
            }
            let stored = try await FeedbackResponse.query(on: app.db).count()
            XCTAssertEqual(stored, 0)
        }
    }

    func testADoubleSubmittedEntryIsStoredOnce() async throws {
        try await withApp(clock: Self.midsummer.wall) { app in
            let world = try await TestWorld.make(on: app)
            let browser = try await signedIn(app, world, role: .handler, unit: "A")
            try await browser.get("/staff/entry")
            let form = entry()

            let first = try await browser.post("/staff/entry", form: form)
            let second = try await browser.post("/staff/entry", form: form)

            XCTAssertEqual(first.headers.first(name: .location), second.headers.first(name: .location))
            let stored = try await FeedbackResponse.query(on: app.db).count()
            XCTAssertEqual(stored, 1)
        }
    }

    func testAnalystsAndForgedFormsCannotEnterFeedback() async throws {
        try await withApp(clock: Self.midsummer.wall) { app in
            let world = try await TestWorld.make(on: app)
            let analyst = try await signedIn(app, world, role: .analyst, unit: "ROOT")
            let handler = try await signedIn(app, world, role: .handler, unit: "A")
            try await handler.get("/staff/entry")

            let page = try await analyst.get("/staff/entry")
            let forged = try await handler.post("/staff/entry", form: entry(), csrf: "guessed")

            XCTAssertEqual(page.status, .forbidden)
            XCTAssertEqual(forged.status, .forbidden)
            let stored = try await FeedbackResponse.query(on: app.db).count()
            XCTAssertEqual(stored, 0)
        }
    }
}
