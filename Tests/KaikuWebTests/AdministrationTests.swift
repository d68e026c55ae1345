import FluentKit
import Foundation
import KaikuStore
import XCTVapor
@testable import KaikuWeb

final class AdministrationTests: XCTestCase {
    func testAdministratorChangesThePromiseAndNewCasesFollowIt() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            _ = try await TestWorld.submit(app, target: "t-a1", nps: 5, extra: ["contact": ["email": "a@example.fi"], "wantsAnswer": true])
            let changed = try await app.send(.PATCH, "/api/v1/organisation", json: ["promiseDays": 7, "retentionDays": 180], token: admin)
            XCTAssertEqual(changed.status, .ok, changed.text)
            XCTAssertEqual(try changed.json(OrganisationController.SettingsDTO.self).promiseDays, 7)
            let receipt = try await TestWorld.submit(app, target: "t-a1", nps: 5, extra: ["contact": ["email": "b@example.fi"], "wantsAnswer": true])
            let item = try await FeedbackCase.query(on: app.db).filter(\.$receipt == receipt.receipt).first()
            let days = try XCTUnwrap(item).dueAt.timeIntervalSince(try XCTUnwrap(item).receivedAt) / 86_400
            XCTAssertEqual(days, 7, accuracy: 0.05)
            for (body, field) in [(["promiseDays": 0], "promiseDays"), (["retentionDays": 5], "retentionDays"), (["minimumN": 0], "minimumN")] {
                let refused = try await app.send(.PATCH, "/api/v1/organisation", json: body, token: admin)
                XCTAssertEqual(refused.status, .badRequest)
                XCTAssertEqual(refused.object["field"] as? String, field)
            }
        }
    }

    func testOnlyTheWholeOrganisationsAdministratorChangesSettings() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let branch = try await world.signIn(app, role: .administrator, unit: "A")
            let handler = try await world.signIn(app, role: .handler, unit: "ROOT")
            for token in [branch, handler] {
                let refused = try await app.send(.PATCH, "/api/v1/organisation", json: ["promiseDays": 3], token: token)
                XCTAssertEqual(refused.status, .forbidden)
            }
            let read = try await app.send(.GET, "/api/v1/organisation", token: handler).json(OrganisationController.SettingsDTO.self)
            XCTAssertEqual(read.promiseDays, 14)
        }
    }

    func testTemplatesAndReferralTextsAreManagedPerOrganisation() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let created = try await app.send(.POST, "/api/v1/reply-templates", json: ["name": "Kiitos", "language": "fi", "subject": "Kiitos palautteesta {receipt}", "body": "Kiitos!"], token: admin)
            XCTAssertEqual(created.status, .created, created.text)
            let bad = try await app.send(.POST, "/api/v1/reply-templates", json: ["name": "X", "language": "de", "subject": "S", "body": "B"], token: admin)
            XCTAssertEqual(bad.status, .badRequest)
            let otherAdmin = try await world.signIn(app, role: .administrator, unit: "X")
            let theirs = try await app.send(.GET, "/api/v1/reply-templates", token: otherAdmin).json([ReplyTemplatesController.TemplateDTO].self)
            XCTAssertTrue(theirs.isEmpty, "another organisation's templates are not shown")
            let id = try XCTUnwrap(try created.json(ReplyTemplatesController.TemplateDTO.self).id)
            let foreignDelete = try await app.send(.DELETE, "/api/v1/reply-templates/\(id)", token: otherAdmin)
            XCTAssertEqual(foreignDelete.status, .notFound)

            let set = try await app.send(.PUT, "/api/v1/referral-texts", json: ["kind": "complaint", "language": "sv", "text": "Gör en anmärkning.", "url": "https://example.fi/sv"], token: admin)
            XCTAssertEqual(set.status, .ok)
            let replaced = try await app.send(.PUT, "/api/v1/referral-texts", json: ["kind": "complaint", "language": "sv", "text": "Ny text."], token: admin)
            XCTAssertEqual(replaced.status, .ok)
            let texts = try await app.send(.GET, "/api/v1/referral-texts", token: admin).json([ReplyTemplatesController.ReferralDTO].self)
            XCTAssertEqual(texts.map(\.text), ["Ny text."])
            let badURL = try await app.send(.PUT, "/api/v1/referral-texts", json: ["kind": "incident", "language": "fi", "text": "T", "url": "javascript:alert(1)"], token: admin)
            XCTAssertEqual(badURL.status, .badRequest)
            let handler = try await world.signIn(app, role: .handler, unit: "A")
            let notAllowed = try await app.send(.PUT, "/api/v1/referral-texts", json: ["kind": "incident", "language": "fi", "text": "T"], token: handler)
            XCTAssertEqual(notAllowed.status, .forbidden)
        }
    }

    func testTextLimitsCountCodePointsAsThePublishedSchemaDoes() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            // 2,001 flags are 2,001 characters to Swift but 4,002 code points,
            // which is what the OpenAPI maxLength of 4,000 counts.
            let flags = String(repeating: "🇫🇮", count: 2_001)
            let tooLong = try await app.send(.PUT, "/api/v1/referral-texts", json: ["kind": "complaint", "language": "fi", "text": flags], token: admin)
            XCTAssertEqual(tooLong.status, .badRequest, tooLong.text)
            let texts = try await app.send(.GET, "/api/v1/referral-texts", token: admin).json([ReplyTemplatesController.ReferralDTO].self)
            XCTAssertTrue(texts.isEmpty, "a refused text is not stored")
            let fits = String(repeating: "🇫🇮", count: 2_000)
            let accepted = try await app.send(.PUT, "/api/v1/referral-texts", json: ["kind": "complaint", "language": "fi", "text": fits], token: admin)
            XCTAssertEqual(accepted.status, .ok, accepted.text)
        }
    }
}
