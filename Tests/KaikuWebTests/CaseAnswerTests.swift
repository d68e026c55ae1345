import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
import KaikuSMS
@testable import KaikuWeb

final class CaseAnswerTests: XCTestCase {
    private func openCase(_ app: Application, contact: [String: String], language: String = "fi") async throws -> FeedbackCase {
        let receipt = try await TestWorld.submit(app, target: "t-a1", nps: 3, language: language, extra: ["contact": contact, "wantsAnswer": true])
        let stored = try await FeedbackCase.query(on: app.db).filter(\.$receipt == receipt.receipt).first()
        return try XCTUnwrap(stored)
    }

    func testHandlerAnswersByEmailFromATemplateAndTheCaseCloses() async throws {
        let mail = RecordingMailSender()
        try await withApp(mail: mail) { app in
            let world = try await TestWorld.make(on: app)
            let item = try await openCase(app, contact: ["email": "asiakas@example.fi"])
            let template = ReplyTemplate(organisationID: try world.organisation.requireID(), name: "Pahoittelu", language: "fi",
                                         subject: "Vastaus palautteeseen {receipt}", body: "Pahoittelemme odotusta. Palaute {receipt}, {organisation}.")
            try await template.create(on: app.db)
            let handler = try await world.signIn(app, role: .handler, unit: "A1", email: "h@test.example")
            let answered = try await app.send(.POST, "/api/v1/cases/\(item.id!)/answer", json: ["template": template.id!.uuidString], token: handler)
            XCTAssertEqual(answered.status, .ok, answered.text)
            XCTAssertEqual(try answered.json(CaseSummaryDTO.self).status, "closed")
            XCTAssertEqual(mail.messages.map(\.to), ["asiakas@example.fi"])
            XCTAssertEqual(mail.messages.first?.subject, "Vastaus palautteeseen \(item.receipt)")
            XCTAssertEqual(mail.messages.first?.body, "Pahoittelemme odotusta. Palaute \(item.receipt), test-county fi.")
            let detail = try await app.send(.GET, "/api/v1/cases/\(item.id!)", token: handler).json(CaseDetailDTO.self)
            XCTAssertEqual(detail.history.map(\.kind), ["received", "answered", "closed"])
            XCTAssertEqual(detail.history[1].detail, "email: Pahoittelemme odotusta. Palaute \(item.receipt), test-county fi.")
            XCTAssertEqual(detail.history[1].actor, "h@test.example")
        }
    }

    func testAnswerGoesBySMSWhenOnlyAPhoneNumberWasLeft() async throws {
        let sms = RecordingSMSSender()
        try await withApp(sms: sms) { app in
            let world = try await TestWorld.make(on: app)
            let item = try await openCase(app, contact: ["phone": "+358 40 765 4321"])
            let handler = try await world.signIn(app, role: .handler, unit: "A")
            let answered = try await app.send(.POST, "/api/v1/cases/\(item.id!)/answer", json: ["text": "Kiitos, korjaamme opasteet."], token: handler)
            XCTAssertEqual(answered.status, .ok, answered.text)
            XCTAssertEqual(sms.messages.map(\.to), ["+358407654321"])
            XCTAssertEqual(sms.messages.first?.text, "Kiitos, korjaamme opasteet.")
            let byEmail = try await app.send(.POST, "/api/v1/cases/\(item.id!)/answer", json: ["channel": "email", "text": "x"], token: handler)
            XCTAssertEqual(byEmail.status, .conflict, "a closed case is answered once")
        }
    }

    func testAnswerTheGatewayDidNotTakeIsQueuedAndSentOnRetry() async throws {
        let sms = RecordingSMSSender()
        sms.fail(true)
        let clock = TestClock()
        try await withApp(clock: clock.wall, sms: sms) { app in
            let world = try await TestWorld.make(on: app)
            let item = try await openCase(app, contact: ["phone": "0401234567"])
            let handler = try await world.signIn(app, role: .handler, unit: "A1", email: "queued@test.example")

            let response = try await app.send(.POST, "/api/v1/cases/\(item.id!)/answer", json: ["text": "Vastaus"], token: handler)
            XCTAssertEqual(response.status, .accepted, response.text)
            XCTAssertEqual(try response.json(CaseSummaryDTO.self).status, "open")
            let again = try await app.send(.POST, "/api/v1/cases/\(item.id!)/answer", json: ["text": "Toinen"], token: handler)
            XCTAssertEqual(again.status, .conflict, "one answer at a time")
            let eventsWhileQueued = try await CaseEvent.query(on: app.db).filter(\.$caseID == item.id!).count()
            XCTAssertEqual(eventsWhileQueued, 1)

            sms.fail(false)
            clock.advance(by: 10)
            try await JobRunner().runDue(app)
            XCTAssertTrue(sms.messages.isEmpty, "the retry waits for its back-off")
            clock.advance(by: 60)
            try await JobRunner().runDue(app)

            XCTAssertEqual(sms.messages.map(\.text), ["Vastaus"])
            let stored = try await FeedbackCase.find(item.id, on: app.db)
            XCTAssertEqual(stored?.status, "closed")
            let history = try await CaseEvent.query(on: app.db).filter(\.$caseID == item.id!).sort(\.$at).all()
            XCTAssertEqual(history.map(\.kind), ["received", "answered", "closed"])
            let actor = try await User.query(on: app.db).filter(\.$email == "queued@test.example").first()
            XCTAssertEqual(history[1].actorID, try XCTUnwrap(actor?.id), "the answer is the handler's, though a job sent it")
            let tracked = try await SMSMessage.query(on: app.db).filter(\.$caseID == item.id!).all()
            XCTAssertEqual(tracked.map(\.gatewayID), ["rec-1"])
        }
    }

    func testAnswerRefusedForGoodIsRecordedAndTheCaseStaysOpen() async throws {
        let sms = RecordingSMSSender()
        sms.fail(with: SMSGatewayError.rejected(status: 400, body: "unknown number"))
        try await withApp(sms: sms) { app in
            let world = try await TestWorld.make(on: app)
            let item = try await openCase(app, contact: ["phone": "0401234567"])
            let handler = try await world.signIn(app, role: .handler, unit: "A1")

            let response = try await app.send(.POST, "/api/v1/cases/\(item.id!)/answer", json: ["text": "Vastaus"], token: handler)

            XCTAssertEqual(response.status, .badGateway)
            XCTAssertTrue(response.text.contains("unknown number"), response.text)
            let stored = try await FeedbackCase.find(item.id, on: app.db)
            XCTAssertEqual(stored?.status, "open")
            let kinds = try await CaseEvent.query(on: app.db).filter(\.$caseID == item.id!).sort(\.$at).all().map(\.kind)
            XCTAssertEqual(kinds, ["received", "answerFailed"])
            sms.fail(false)
            let retried = try await app.send(.POST, "/api/v1/cases/\(item.id!)/answer", json: ["text": "Vastaus"], token: handler)
            XCTAssertEqual(retried.status, .ok, "a refused answer does not block the next one")
        }
    }

    func testARefusalQuotingTheCustomersNumberKeepsItOutOfTheHistory() async throws {
        let sms = RecordingSMSSender()
        sms.fail(with: SMSGatewayError.rejected(status: 400, body: "recipient +358401234567 (040 123 4567) is not in service"))
        try await withApp(sms: sms) { app in
            let world = try await TestWorld.make(on: app)
            let item = try await openCase(app, contact: ["phone": "0401234567"])
            let handler = try await world.signIn(app, role: .handler, unit: "A1")

            let response = try await app.send(.POST, "/api/v1/cases/\(item.id!)/answer", json: ["text": "Vastaus"], token: handler)

            XCTAssertEqual(response.status, .badGateway)
            let failure = try await CaseEvent.query(on: app.db).filter(\.$caseID == item.id!).filter(\.$kind == "answerFailed").first()
            let detail = try XCTUnwrap(failure?.detail)
            XCTAssertFalse(detail.contains("4567"), "the history outlives the retention purge: \(detail)")
            XCTAssertTrue(detail.contains("[PHONE]"), detail)
            XCTAssertFalse(response.text.contains("4567"), response.text)
        }
    }

    func testReferralSendsTheOrganisationsInstructionsInTheCustomersLanguage() async throws {
        let mail = RecordingMailSender()
        try await withApp(mail: mail) { app in
            let world = try await TestWorld.make(on: app)
            let swedish = try await openCase(app, contact: ["email": "kund@example.fi"], language: "sv")
            let handler = try await world.signIn(app, role: .handler, unit: "A1")
            let referred = try await app.send(.POST, "/api/v1/cases/\(swedish.id!)/refer", json: ["kind": "ombudsman"], token: handler)
            XCTAssertEqual(try referred.json(CaseSummaryDTO.self).status, "referred")
            XCTAssertTrue(mail.messages.first?.body.contains("socialombudsmannen") == true, mail.messages.first?.body ?? "")

            let text = ReferralText()
            text.organisationID = try world.organisation.requireID()
            text.kind = "complaint"
            text.language = "fi"
            text.text = "Tee muistutus lomakkeella. Tunnus {receipt}."
            text.url = "https://example.fi/muistutus"
            try await text.create(on: app.db)
            let finnish = try await openCase(app, contact: ["email": "asiakas@example.fi"])
            _ = try await app.send(.POST, "/api/v1/cases/\(finnish.id!)/refer", json: ["kind": "complaint"], token: handler)
            XCTAssertEqual(mail.messages.last?.body, "Tee muistutus lomakkeella. Tunnus \(finnish.receipt).\n\nhttps://example.fi/muistutus")
        }
    }

    func testAnswerNeedsKeptContactDetails() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let item = try await openCase(app, contact: ["email": "asiakas@example.fi"])
            try await ResponseContact.query(on: app.db).filter(\.$responseID == item.responseID).delete()
            let handler = try await world.signIn(app, role: .handler, unit: "A1")
            let response = try await app.send(.POST, "/api/v1/cases/\(item.id!)/answer", json: ["text": "Vastaus"], token: handler)
            XCTAssertEqual(response.status, .conflict)
        }
    }
}
