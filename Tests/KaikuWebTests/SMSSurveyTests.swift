import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// The SMS survey after a visit: visits in, the question out at its time,
/// replies through the gateway's webhook, numbers deleted afterwards.
final class SMSSurveyTests: XCTestCase {
    private static let webhookToken = "webhook-secret"
    /// Tuesday 10:00 in Helsinki.
    private static let start = ISO8601DateFormatter().date(from: "2026-06-16T07:00:00Z")!

    private struct Fixture {
        var app: Application
        var world: TestWorld
        var key: String
        var sms: RecordingSMSSender
        var clock: TestClock
    }

    private func withSurvey(units: [String] = ["A"], _ body: (Fixture) async throws -> Void) async throws {
        let sms = RecordingSMSSender()
        let clock = TestClock(Self.start)
        try await withApp(clock: clock.wall, sms: sms, adjust: { $0.smsWebhookToken = Self.webhookToken }) { app in
            let world = try await TestWorld.make(on: app)
            let key = try await APIKeys.issue(name: "Potilastietojärjestelmä", organisationCode: "test-county", scopes: [.visits], on: app.db)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let saved = try await app.send(.PUT, "/api/v1/organisation/sms-survey", json: SMSSurveySettingsController.SettingsDTO(
                enabled: true, delayMinutes: 120, quietFrom: "21:00", quietTo: "08:00", oncePerDays: 90, units: units), token: admin)
            XCTAssertEqual(saved.status, .ok, saved.text)
            try await body(Fixture(app: app, world: world, key: key, sms: sms, clock: clock))
        }
    }

    @discardableResult
    private func visit(_ f: Fixture, id: String, phone: String? = "040 123 4567", unit: String = "A1", language: String = "fi",
                       consent: Bool = true, nonDisclosure: Bool = false, at time: String = "2026-06-16T09:30:00+03:00") async throws -> XCTHTTPResponse {
        var body: [String: Any] = ["visitId": id, "time": time, "unit": unit, "language": language, "consent": consent, "nonDisclosure": nonDisclosure]
        if let phone { body["phone"] = phone }
        return try await f.app.send(.POST, "/api/v1/visits", json: RawJSON(body), headers: ["Authorization": "Bearer \(f.key)"])
    }

    private func reply(_ f: Fixture, _ text: String, from: String = "+358401234567", id: String? = nil) async throws -> String? {
        var body: [String: Any] = ["from": from, "text": text]
        if let id { body["id"] = id }
        let response = try await f.app.send(.POST, "/api/v1/sms/inbound", json: RawJSON(body), headers: ["Authorization": "Bearer \(Self.webhookToken)"])
        XCTAssertEqual(response.status, .ok, response.text)
        return response.object["outcome"] as? String
    }

    private func runJobs(_ f: Fixture, after hours: Double) async throws {
        f.clock.advance(by: hours * 3_600)
        try await JobRunner().runDue(f.app)
    }

    func testTheQuestionGoesOutAfterTheDelayAndAScoreThenACommentAreRecorded() async throws {
        try await withSurvey { f in
            let received = try await visit(f, id: "V-1")
            XCTAssertEqual(received.status, .accepted, received.text)
            XCTAssertEqual(received.object["status"] as? String, "scheduled")

            try await runJobs(f, after: 1.4)  // 11:24 in Helsinki, the visit was at 9:30
            XCTAssertTrue(f.sms.messages.isEmpty, "not before the two-hour delay")
            try await runJobs(f, after: 0.2)
            XCTAssertEqual(f.sms.messages.map(\.to), ["+358401234567"])
            XCTAssertTrue(f.sms.messages[0].text.contains("Hammashoitola, Keskusta"), f.sms.messages[0].text)
            XCTAssertTrue(f.sms.messages[0].text.contains("0–10") && f.sms.messages[0].text.contains("LOPETA"))

            let scored = try await reply(f, " 9 ", id: "in-1")
            let again = try await reply(f, " 9 ", id: "in-1")
            let commented = try await reply(f, "Hoitaja oli ihana, soita 040 765 4321", id: "in-2")

            XCTAssertEqual([scored, again, commented], ["scored", "duplicate", "commented"])
            XCTAssertEqual(f.sms.messages.count, 2, "one follow-up asking for a comment")
            let answers = try await FeedbackResponse.query(on: f.app.db).all()
            XCTAssertEqual(answers.count, 1, "a webhook sent twice counts once")
            XCTAssertEqual(answers.first?.channel, "sms")
            XCTAssertEqual(answers.first?.recommendation, 9)
            XCTAssertEqual(answers.first?.unitID, f.world.units["A1"]?.id)
            XCTAssertEqual(answers.first?.openText, "Hoitaja oli ihana, soita [PHONE]")
            let stored = try await Visit.query(on: f.app.db).first()
            XCTAssertEqual(stored?.status, "done")
            XCTAssertNil(stored?.phone, "the number is deleted when the survey is over")
            XCTAssertNotNil(stored?.phoneHash, "its pseudonym stays for the once-per-period rule")
            let contacts = try await ResponseContact.query(on: f.app.db).count()
            XCTAssertEqual(contacts, 0, "the answer stays anonymous")
        }
    }

    func testNoQuestionWithoutConsentWithNonDisclosureOrOutsideTheChosenUnitsAndNoNumberIsKept() async throws {
        try await withSurvey { f in
            let cases: [(String, Bool, Bool, String, String)] = [
                ("V-nd", true, true, "A1", "nonDisclosure"), ("V-nc", false, false, "A1", "noConsent"),
                ("V-out", true, false, "B1", "unitNotIncluded"),
            ]
            for (id, consent, nonDisclosure, unit, reason) in cases {
                let response = try await visit(f, id: id, unit: unit, consent: consent, nonDisclosure: nonDisclosure)
                XCTAssertEqual(response.object["status"] as? String, "skipped", id)
                XCTAssertEqual(response.object["reason"] as? String, reason, id)
            }
            try await runJobs(f, after: 24)

            XCTAssertTrue(f.sms.messages.isEmpty)
            let visits = try await Visit.query(on: f.app.db).all()
            XCTAssertEqual(visits.count, 3)
            XCTAssertTrue(visits.allSatisfy { $0.phone == nil && $0.phoneHash == nil })
        }
    }

    func testQuietHoursDelayTheQuestionToTheMorning() async throws {
        try await withSurvey { f in
            let received = try await visit(f, id: "V-late", at: "2026-06-16T20:00:00+03:00")
            XCTAssertEqual(received.status, .accepted)

            try await runJobs(f, after: 12.9)  // 22:54 in Helsinki: due at 22:00, inside the quiet 21–08
            XCTAssertTrue(f.sms.messages.isEmpty)
            try await runJobs(f, after: 10.2)  // Wednesday 09:06
            XCTAssertEqual(f.sms.messages.count, 1)
        }
    }

    func testOnePersonIsAskedAtMostOncePerPeriodAndAVisitIsReceivedOnce() async throws {
        try await withSurvey { f in
            try await visit(f, id: "V-1")
            let repeated = try await visit(f, id: "V-1")
            try await visit(f, id: "V-2", phone: "+358 40 123 4567", at: "2026-06-16T09:45:00+03:00")
            try await runJobs(f, after: 3)

            XCTAssertEqual(repeated.status, .ok, "the same visit id again changes nothing")
            XCTAssertEqual(f.sms.messages.count, 1)
            let second = try await Visit.query(on: f.app.db).filter(\.$externalID == "V-2").first()
            XCTAssertEqual(second?.status, "skipped")
            XCTAssertEqual(second?.skipReason, "askedRecently")
            XCTAssertNil(second?.phone)
        }
    }

    func testAnUnclearReplyGetsOneRetryThenTheSurveyEnds() async throws {
        try await withSurvey { f in
            try await visit(f, id: "V-1", language: "sv")
            try await runJobs(f, after: 2.1)

            let first = try await reply(f, "ganska bra")
            let second = try await reply(f, "jag vet inte")
            let third = try await reply(f, "8")

            XCTAssertEqual([first, second, third], ["retried", "gaveUp", "ignored"])
            XCTAssertEqual(f.sms.messages.count, 2)
            XCTAssertTrue(f.sms.messages[0].text.hasPrefix("Hej!"), "Swedish visit, Swedish question")
            XCTAssertTrue(f.sms.messages[1].text.contains("0–10") && f.sms.messages[1].text.contains("STOPP"))
            let answers = try await FeedbackResponse.query(on: f.app.db).count()
            XCTAssertEqual(answers, 0)
        }
    }

    func testAStopWordEndsEveryMessageToTheNumber() async throws {
        try await withSurvey { f in
            try await visit(f, id: "V-1", language: "en")
            try await runJobs(f, after: 2.1)

            let stopped = try await reply(f, "Stop.")
            XCTAssertEqual(stopped, "optedOut")
            try await runJobs(f, after: 24 * 100)
            try await visit(f, id: "V-2", at: "2026-09-24T10:00:00+03:00")
            try await runJobs(f, after: 3)

            XCTAssertEqual(f.sms.messages.count, 1, "nothing after STOP, not even in the next period")
            let later = try await Visit.query(on: f.app.db).filter(\.$externalID == "V-2").first()
            XCTAssertEqual(later?.skipReason, "optedOut")
            let kept = try await Visit.query(on: f.app.db).filter(\.$phone != nil).count()
            XCTAssertEqual(kept, 0)
        }
    }

    func testAnUnansweredQuestionExpiresAndItsNumberIsDeleted() async throws {
        try await withSurvey { f in
            try await visit(f, id: "V-1")
            try await runJobs(f, after: 2.1)
            try await runJobs(f, after: 49)

            let stored = try await Visit.query(on: f.app.db).first()
            XCTAssertEqual(stored?.status, "expired")
            XCTAssertNil(stored?.phone)
            let late = try await reply(f, "10")
            XCTAssertEqual(late, "ignored")
        }
    }

    func testVisitsNeedAKeyAndValidFieldsAndWebhooksTheToken() async throws {
        try await withSurvey { f in
            let noKey = try await f.app.send(.POST, "/api/v1/visits", json: RawJSON(["visitId": "x"]))
            let badUnit = try await visit(f, id: "V-1", unit: "NOPE")
            let badPhone = try await visit(f, id: "V-2", phone: "call me")
            let badTime = try await visit(f, id: "V-3", at: "yesterday")
            let forged = try await f.app.send(.POST, "/api/v1/sms/inbound", json: RawJSON(["from": "+358401234567", "text": "STOP"]),
                                              headers: ["Authorization": "Bearer guess"])

            XCTAssertEqual(noKey.status, .unauthorized)
            XCTAssertEqual(badUnit.status, .badRequest)
            XCTAssertEqual(badUnit.object["field"] as? String, "unit")
            XCTAssertEqual(badPhone.object["field"] as? String, "phone")
            XCTAssertEqual(badTime.object["field"] as? String, "time")
            XCTAssertEqual(forged.status, .unauthorized)
            let visits = try await Visit.query(on: f.app.db).count()
            XCTAssertEqual(visits, 0)
        }
    }

    func testAGatewayOutageDelaysTheQuestionInsteadOfLosingIt() async throws {
        try await withSurvey { f in
            try await visit(f, id: "V-1")
            f.sms.fail(true)
            try await runJobs(f, after: 2.1)
            XCTAssertTrue(f.sms.messages.isEmpty)

            f.sms.fail(false)
            try await runJobs(f, after: 1)

            XCTAssertEqual(f.sms.messages.count, 1)
            let stored = try await Visit.query(on: f.app.db).first()
            XCTAssertEqual(stored?.status, "asked")
        }
    }
}
