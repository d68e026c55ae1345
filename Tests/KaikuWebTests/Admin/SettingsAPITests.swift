import FluentKit
import Foundation
import KaikuStore
import XCTVapor
@testable import KaikuWeb

final class SettingsAPITests: XCTestCase {
    private func instant(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    private func dueAt(_ app: Application, receipt: String) async throws -> Date {
        let item = try await FeedbackCase.query(on: app.db).filter(\.$receipt == receipt).first()
        return try XCTUnwrap(item).dueAt
    }

    private func submitWantingAnswer(_ app: Application) async throws -> String {
        try await TestWorld.submit(app, target: "t-a1", nps: 8, extra: ["contact": ["email": "a@example.fi"], "wantsAnswer": true]).receipt
    }

    func testFiveWorkingDaysFromMaundyThursdayEndOnTheMondayAfterEaster() async throws {
        let clock = TestClock(instant("2026-04-02T10:00:00+03:00"))
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let before = try await submitWantingAnswer(app)
            let changed = try await app.send(.PATCH, "/api/v1/organisation", json: RawJSON(["promiseDays": 5, "promiseIn": "workingDays"]), token: admin)
            XCTAssertEqual(changed.status, .ok, changed.text)
            let settings = try changed.json(OrganisationController.SettingsDTO.self)
            XCTAssertEqual(settings.promiseIn, "workingDays")
            XCTAssertEqual(settings.promiseDays, 5)

            let after = try await submitWantingAnswer(app)

            let earlierDue = try await dueAt(app, receipt: before)
            let laterDue = try await dueAt(app, receipt: after)
            XCTAssertEqual(earlierDue, instant("2026-04-16T10:00:00+03:00"), "a case opened before the change keeps its 14 calendar days")
            XCTAssertEqual(laterDue, instant("2026-04-13T10:00:00+03:00"), "Good Friday and Easter Monday are skipped")
        }
    }

    func testFiveWorkingDaysBeforeChristmasSkipTheHolidays() async throws {
        let clock = TestClock(instant("2026-12-18T14:30:00+02:00"))
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            _ = try await app.send(.PATCH, "/api/v1/organisation", json: RawJSON(["promiseDays": 5, "promiseIn": "workingDays"]), token: admin)

            let receipt = try await submitWantingAnswer(app)

            let due = try await dueAt(app, receipt: receipt)
            XCTAssertEqual(due, instant("2026-12-29T14:30:00+02:00"))
            let listed = try await app.send(.GET, "/api/v1/cases?status=open&receipt=\(receipt)", token: admin)
            XCTAssertTrue(listed.text.contains("2026-12-29T"), listed.text)
        }
    }

    func testTheThanksPagePromisesWorkingDaysWhenTheyAreCounted() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            _ = try await app.send(.PATCH, "/api/v1/organisation", json: RawJSON(["promiseDays": 5, "promiseIn": "workingDays"]), token: admin)

            let receipt = try await submitWantingAnswer(app)
            let thanks = try await app.send(.GET, "/thanks/\(receipt)?lang=fi")

            XCTAssertTrue(thanks.text.contains("Vastaamme sinulle 5 arkipäivän kuluessa."), thanks.text)
        }
    }

    func testRefusedSettingsNameTheirFieldAndChangeNothing() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let refusals: [([String: Any], String)] = [
                (["promiseIn": "weekdays"], "promiseIn"),
                (["promiseDays": 5, "promiseIn": "workdays"], "promiseIn"),
                (["languages": ["sv", "en"]], "languages"),
                (["languages": ["fi", "fi"]], "languages"),
                (["languages": ["fi", "de"]], "languages"),
                (["promiseDays": 91, "promiseIn": "workingDays"], "promiseDays"),
            ]
            for (body, field) in refusals {
                let refused = try await app.send(.PATCH, "/api/v1/organisation", json: RawJSON(body), token: admin)
                XCTAssertEqual(refused.status, .badRequest, "\(body)")
                XCTAssertEqual(refused.object["field"] as? String, field, "\(body)")
            }
            let read = try await app.send(.GET, "/api/v1/organisation", token: admin).json(OrganisationController.SettingsDTO.self)
            XCTAssertEqual(read.promiseDays, 14)
            XCTAssertEqual(read.promiseIn, "calendarDays")
            XCTAssertEqual(read.languages, ["fi", "sv", "en"])
            let entries = try await AuditEntry.query(on: app.db).count()
            XCTAssertEqual(entries, 0, "a refused change leaves no audit record")
        }
    }

    func testLanguagesAreStoredInCatalogueOrderWithFinnishFirst() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")

            let changed = try await app.send(.PATCH, "/api/v1/organisation", json: RawJSON(["languages": ["en", "fi"]]), token: admin)

            XCTAssertEqual(changed.status, .ok, changed.text)
            let read = try await app.send(.GET, "/api/v1/organisation", token: admin).json(OrganisationController.SettingsDTO.self)
            XCTAssertEqual(read.languages, ["fi", "en"])
        }
    }

    func testASettingsChangeIsAuditedWithOnlyWhatChanged() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT", email: "paakayttaja@test.example")

            _ = try await app.send(.PATCH, "/api/v1/organisation", json: RawJSON(["promiseDays": 5, "promiseIn": "workingDays", "minimumN": 5]), token: admin)
            _ = try await app.send(.PATCH, "/api/v1/organisation", json: RawJSON(["promiseDays": 5]), token: admin)

            let entries = try await AuditEntry.query(on: app.db).all()
            XCTAssertEqual(entries.count, 1, "a change to the value already there is no change")
            let entry = try XCTUnwrap(entries.first)
            XCTAssertEqual(entry.action, "settings.update")
            XCTAssertEqual(entry.actor, "paakayttaja@test.example")
            XCTAssertEqual(entry.subject, "test-county")
            XCTAssertEqual(entry.before, #"{"promiseDays":14,"promiseIn":"calendarDays"}"#)
            XCTAssertEqual(entry.after, #"{"promiseDays":5,"promiseIn":"workingDays"}"#)
        }
    }

    func testTemplateAndReferralChangesAreAudited() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let created = try await app.send(.POST, "/api/v1/reply-templates",
                                             json: ["name": "Kiitos", "language": "fi", "subject": "Kiitos {receipt}", "body": "Kiitos!"], token: admin)
            let id = try XCTUnwrap(try created.json(ReplyTemplatesController.TemplateDTO.self).id)

            let updated = try await app.send(.PUT, "/api/v1/reply-templates/\(id)",
                                             json: ["name": "Kiitos", "language": "fi", "subject": "Kiitos {receipt}", "body": "Kiitos paljon!"], token: admin)
            let deleted = try await app.send(.DELETE, "/api/v1/reply-templates/\(id)", token: admin)
            let referral = try await app.send(.PUT, "/api/v1/referral-texts", json: ["kind": "complaint", "language": "fi", "text": "Tee muistutus."], token: admin)

            XCTAssertEqual(updated.status, .ok, updated.text)
            XCTAssertEqual(try updated.json(ReplyTemplatesController.TemplateDTO.self).body, "Kiitos paljon!")
            XCTAssertEqual(deleted.status, .noContent)
            XCTAssertEqual(referral.status, .ok)
            let entries = try await AuditEntry.query(on: app.db).sort(\.$at).all()
            XCTAssertEqual(Set(entries.map(\.action)), ["template.create", "template.update", "template.delete", "referral.update"])
            let update = try XCTUnwrap(entries.first { $0.action == "template.update" })
            XCTAssertEqual(update.subject, "Kiitos")
            XCTAssertTrue(update.before?.contains(#""body":"Kiitos!""#) ?? false)
            XCTAssertTrue(update.after?.contains(#""body":"Kiitos paljon!""#) ?? false)
            let deletion = try XCTUnwrap(entries.first { $0.action == "template.delete" })
            XCTAssertNil(deletion.after)
            XCTAssertEqual(entries.first { $0.action == "referral.update" }?.subject, "complaint/fi")
        }
    }

    func testAnotherOrganisationsTemplateCannotBeChanged() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let other = try await world.signIn(app, role: .administrator, unit: "X")
            let created = try await app.send(.POST, "/api/v1/reply-templates",
                                             json: ["name": "Kiitos", "language": "fi", "subject": "S", "body": "B"], token: admin)
            let id = try XCTUnwrap(try created.json(ReplyTemplatesController.TemplateDTO.self).id)

            let refused = try await app.send(.PUT, "/api/v1/reply-templates/\(id)", json: ["name": "Hijacked", "language": "fi", "subject": "S", "body": "B"], token: other)

            XCTAssertEqual(refused.status, .notFound)
            let stored = try await ReplyTemplate.find(id, on: app.db)
            XCTAssertEqual(stored?.name, "Kiitos")
        }
    }
}
