import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

final class CasesAPITests: XCTestCase {
    private func submitWantingAnswer(_ app: Application, target: String) async throws -> ReceiptDTO {
        try await TestWorld.submit(app, target: target, nps: 2, extra: [
            "openText": "Odotin kaksi tuntia", "contact": ["name": "Maija", "email": "maija@example.fi", "phone": "040 123 4567"],
            "wantsAnswer": true,
        ])
    }

    func testCaseExistsWhenTheResponseIsAcknowledgedAndIsDueAfterThePromise() async throws {
        let clock = TestClock(ISO8601DateFormatter().date(from: "2026-03-20T10:15:00Z")!)
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            let receipt = try await submitWantingAnswer(app, target: "t-a1")
            let token = try await world.signIn(app, role: .handler, unit: "A")
            let cases = try await app.send(.GET, "/api/v1/cases?status=open&receipt=\(receipt.receipt)", token: token).json([CaseSummaryDTO].self)
            XCTAssertEqual(cases.count, 1)
            XCTAssertEqual(cases.first?.unit, "A1")
            XCTAssertEqual(cases.first?.status, "open")
            // 14 calendar days in Helsinki; the clocks move to summer time on 29 March, the hour stays 12:15 local.
            XCTAssertEqual(cases.first?.dueAt, ISO8601DateFormatter().date(from: "2026-04-03T09:15:00Z"))
            XCTAssertEqual(cases.first?.late, false)
        }
    }

    func testNoCaseOpensWithoutARequestForAnAnswer() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let receipt = try await TestWorld.submit(app, target: "t-a1", nps: 2, extra: ["openText": "Ei vastausta tarvita"])
            let token = try await world.signIn(app, role: .handler, unit: "ROOT")
            let cases = try await app.send(.GET, "/api/v1/cases?receipt=\(receipt.receipt)", token: token).json([CaseSummaryDTO].self)
            XCTAssertTrue(cases.isEmpty)
        }
    }

    func testHandlerSeesContactDetailsAndHistoryAndTheViewIsLogged() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let receipt = try await submitWantingAnswer(app, target: "t-a2")
            let token = try await world.signIn(app, role: .handler, unit: "A2", email: "handler@test.example")
            let summary = try await app.send(.GET, "/api/v1/cases?receipt=\(receipt.receipt)", token: token).json([CaseSummaryDTO].self)
            let id = try XCTUnwrap(summary.first?.id)
            let detail = try await app.send(.GET, "/api/v1/cases/\(id)", token: token).json(CaseDetailDTO.self)
            XCTAssertEqual(detail.contact?.email, "maija@example.fi")
            XCTAssertEqual(detail.contact?.phone, "+358401234567", "kept in international form, ready for SMS")
            XCTAssertEqual(detail.history.map(\.kind), ["received"])
            XCTAssertEqual(detail.originalUnit, "A2")
            XCTAssertEqual(detail.response.openText, "Odotin kaksi tuntia")
            let log = try await AccessLogEntry.query(on: app.db).all()
            XCTAssertEqual(log.count, 1)
            XCTAssertEqual(log.first?.caseID, id)
            XCTAssertEqual(log.first?.action, "case.contact.view")
            let handler = try await User.query(on: app.db).filter(\.$email == "handler@test.example").first()
            XCTAssertEqual(log.first?.userID, handler?.id)
        }
    }

    func testCasesOutsideTheCallersScopeAreNotFound() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let sibling = try await submitWantingAnswer(app, target: "t-b1")
            let otherOrganisation = try await submitWantingAnswer(app, target: "t-x")
            let token = try await world.signIn(app, role: .supervisor, unit: "A")
            let everyone = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let visibleToRoot = try await app.send(.GET, "/api/v1/cases", token: everyone).json([CaseSummaryDTO].self)
            XCTAssertEqual(visibleToRoot.map(\.receipt), [sibling.receipt], "another organisation's case never shows")
            let listed = try await app.send(.GET, "/api/v1/cases?status=open", token: token).json([CaseSummaryDTO].self)
            XCTAssertTrue(listed.isEmpty)
            let siblingID = try XCTUnwrap(visibleToRoot.first?.id)
            let direct = try await app.send(.GET, "/api/v1/cases/\(siblingID)", token: token)
            XCTAssertEqual(direct.status, .notFound)
            let otherCase = try await FeedbackCase.query(on: app.db).filter(\.$receipt == otherOrganisation.receipt).first()
            let cross = try await app.send(.GET, "/api/v1/cases/\(try XCTUnwrap(otherCase?.id))", token: everyone)
            XCTAssertEqual(cross.status, .notFound)
            let logged = try await AccessLogEntry.query(on: app.db).count()
            XCTAssertEqual(logged, 0, "refused views read no contact details")
        }
    }

    func testCaseBecomesLateAfterItsDueTime() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            _ = try await submitWantingAnswer(app, target: "t-a1")
            clock.advance(by: 15 * 86_400)
            let fresh = try await world.signIn(app, role: .handler, unit: "ROOT")
            let cases = try await app.send(.GET, "/api/v1/cases?status=open", token: fresh).json([CaseSummaryDTO].self)
            XCTAssertEqual(cases.map(\.late), [true])
        }
    }

    func testInvalidStatusFilterGets400() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let token = try await world.signIn(app, role: .handler, unit: "ROOT")
            let response = try await app.send(.GET, "/api/v1/cases?status=forgotten", token: token)
            XCTAssertEqual(response.status, .badRequest)
            XCTAssertEqual(response.object["field"] as? String, "status")
        }
    }

    func testPublicStatusPageFollowsTheCaseWithoutPersonalData() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            let receipt = try await submitWantingAnswer(app, target: "t-a1")
            let page = try await app.send(.GET, "/status/\(receipt.receipt)?lang=en")
            XCTAssertTrue(page.text.contains("Received, waiting to be handled"))
            XCTAssertTrue(page.text.contains("We will answer by"))
            for secret in ["Maija", "maija@example.fi", "401234567", "Odotin"] {
                XCTAssertFalse(page.text.contains(secret), secret)
            }
        }
    }

    func testThePublicStatusShowsEachStepWithItsDayAndTheUnitHandlingIt() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let receipt = try await submitWantingAnswer(app, target: "t-a1")
            let handler = try await world.signIn(app, role: .handler, unit: "A")
            let stored = try await FeedbackCase.query(on: app.db).filter(\.$receipt == receipt.receipt).first()
            let id = try XCTUnwrap(stored?.id)

            let received = try await app.send(.GET, "/status/\(receipt.receipt)?lang=en").text
            _ = try await app.send(.POST, "/api/v1/cases/\(id)/take", token: handler)
            _ = try await app.send(.POST, "/api/v1/cases/\(id)/close", json: ["note": "Answered by phone"], token: handler)
            let closed = try await app.send(.GET, "/status/\(receipt.receipt)?lang=en").text

            XCTAssertTrue(received.contains("<dd id=\"unit\">Unit A1</dd>"), received)
            XCTAssertTrue(received.contains("<strong>Received</strong>"))
            XCTAssertFalse(received.contains("Handling started"))
            XCTAssertTrue(received.contains("class=\"waiting\""), "the promised day is the next step")
            XCTAssertTrue(closed.contains("<strong>Handling started</strong>"))
            XCTAssertTrue(closed.contains("<strong>Answered</strong>"))
            XCTAssertFalse(closed.contains("class=\"waiting\""))
            XCTAssertFalse(closed.contains("Answered by phone"), "the handler's note stays inside")
        }
    }

    func testTheStatusFormLeadsFromATypedCodeToItsStatusAndRefusesWhatCannotBeACode() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            let receipt = try await submitWantingAnswer(app, target: "t-a1")

            let form = try await app.send(.GET, "/status?lang=sv")
            let typed = receipt.receipt.lowercased().replacingOccurrences(of: "-", with: " ")
            let found = try await app.send(.GET, "/status?lang=sv&receipt=" + (typed.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
            let wrong = try await app.send(.GET, "/status?lang=en&receipt=12")

            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.text.contains("name=\"receipt\""))
            XCTAssertEqual(found.status, .seeOther)
            XCTAssertEqual(found.headers.first(name: .location), "/status/\(receipt.receipt)?lang=sv")
            XCTAssertEqual(wrong.status, .badRequest)
            XCTAssertTrue(wrong.text.contains("<title>Error: "), "the title says the code was refused")
            XCTAssertTrue(wrong.text.contains("aria-invalid=\"true\""))
        }
    }
}
