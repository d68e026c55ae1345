import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// Delivery reports from the SMS gateway reach the case they concern.
final class SMSDeliveryReportTests: XCTestCase {
    private let secret = "hook-secret-1"

    private func answeredBySMS(_ app: Application) async throws -> FeedbackCase {
        let world = try await TestWorld.make(on: app)
        let receipt = try await TestWorld.submit(app, target: "t-a1", nps: 3, extra: ["contact": ["phone": "040 765 4321"], "wantsAnswer": true])
        let item = try await FeedbackCase.query(on: app.db).filter(\.$receipt == receipt.receipt).first()
        let handler = try await world.signIn(app, role: .handler, unit: "A1")
        let answered = try await app.send(.POST, "/api/v1/cases/\(item!.id!)/answer", json: ["text": "Kiitos, asia on korjattu."], token: handler)
        XCTAssertEqual(answered.status, .ok, answered.text)
        return try XCTUnwrap(item)
    }

    private func report(_ app: Application, _ body: [String: String], token: String?) async throws -> XCTHTTPResponse {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = .init(token: token) }
        return try await app.send(.POST, "/api/v1/sms/delivery-reports", json: body, headers: headers)
    }

    private func deliveryEvents(_ app: Application, _ item: FeedbackCase) async throws -> [String?] {
        try await CaseEvent.query(on: app.db).filter(\.$caseID == item.id!).filter(\.$kind == "delivery").sort(\.$at).all().map(\.detail)
    }

    func testReportByGatewayIDIsWrittenToTheCaseHistoryOnce() async throws {
        try await withApp(sms: RecordingSMSSender(), adjust: { $0.smsWebhookToken = secret }) { app in
            let item = try await answeredBySMS(app)

            let first = try await report(app, ["id": "rec-1", "status": "DELIVERED"], token: secret)
            let repeated = try await report(app, ["id": "rec-1", "status": "delivered"], token: secret)
            let interim = try await report(app, ["id": "rec-1", "status": "sent"], token: secret)

            XCTAssertEqual(first.status, .noContent, first.text)
            XCTAssertEqual(repeated.status, .noContent)
            XCTAssertEqual(interim.status, .accepted)
            let events = try await deliveryEvents(app, item)
            XCTAssertEqual(events, ["delivered"], "a gateway's retried callback adds nothing")
            let message = try await SMSMessage.query(on: app.db).filter(\.$caseID == item.id!).first()
            XCTAssertEqual(message?.status, "delivered")
        }
    }

    func testWrongTokenUnknownMessageAndUnknownStatusAreRefusedAndChangeNothing() async throws {
        try await withApp(sms: RecordingSMSSender(), adjust: { $0.smsWebhookToken = secret }) { app in
            let item = try await answeredBySMS(app)

            let noToken = try await report(app, ["id": "rec-1", "status": "failed"], token: nil)
            let wrongToken = try await report(app, ["id": "rec-1", "status": "failed"], token: "hook-secret-2")
            let unknown = try await report(app, ["reference": "answer-nobody", "status": "failed"], token: secret)
            let oddStatus = try await report(app, ["id": "rec-1", "status": "exploded"], token: secret)

            XCTAssertEqual(noToken.status, .unauthorized)
            XCTAssertEqual(wrongToken.status, .unauthorized)
            XCTAssertEqual(unknown.status, .notFound)
            XCTAssertEqual(oddStatus.status, .badRequest)
            XCTAssertEqual(oddStatus.object["field"] as? String, "status")
            let events = try await deliveryEvents(app, item)
            XCTAssertEqual(events, [])
        }
    }

    func testWebhookIsOffWithoutAToken() async throws {
        try await withApp(sms: RecordingSMSSender()) { app in
            let response = try await report(app, ["id": "rec-1", "status": "delivered"], token: "anything")
            XCTAssertEqual(response.status, .notFound)
        }
    }

    /// The whole loop over real HTTP: Kaiku sends through the simulated
    /// gateway, the message is marked failed there, and the simulator's
    /// callback puts the failure in the case history.
    func testSimulatorReportsAFailedAnswerBackToKaiku() async throws {
        try await withLiveGateway { gateway in
            try await withApp(sms: gateway.sender(), adjust: { $0.smsWebhookToken = secret }) { app in
                let item = try await answeredBySMS(app)
                try await app.server.start(address: .hostname("127.0.0.1", port: 0))
                let port = try XCTUnwrap(app.http.server.shared.localAddress?.port)
                await gateway.simulator.store.setCallback(.init(url: URI(string: "http://127.0.0.1:\(port)/api/v1/sms/delivery-reports"), token: secret))

                let marked = try await gateway.call(.POST, "messages/sim-1/fail")

                XCTAssertEqual(marked.status, .ok, String(decoding: marked.body, as: UTF8.self))
                let events = try await deliveryEvents(app, item)
                XCTAssertEqual(events, ["failed"])
                let sent = await gateway.simulator.store.messages
                XCTAssertEqual(sent.first?.reference?.hasPrefix("answer-"), true)
                XCTAssertEqual(sent.first?.to, "+358407654321", "the customer typed a national number")
                await app.server.shutdown()
            }
        }
    }

    /// The SMS survey over real HTTP, the simulator playing both the gateway
    /// and the customer: the question goes out through it, the customer's
    /// replies come back through Kaiku's webhook.
    func testTheSimulatorAnswersTheSurveyAsACustomerWould() async throws {
        try await withLiveGateway { gateway in
            let clock = TestClock()
            try await withApp(clock: clock.wall, sms: gateway.sender(), adjust: { $0.smsWebhookToken = secret }) { app in
                let world = try await TestWorld.make(on: app)
                var settings = SMSSurveySettings.defaults
                settings.enabled = true
                settings.delayMinutes = 0
                settings.quietStart = 0
                settings.quietEnd = 0
                settings.units = [try world.units["ROOT"]!.requireID()]
                try await SMSSurveyStore.save(settings, for: try world.organisation.requireID(), on: app.db)
                let key = try await APIKeys.issue(name: "Potilastieto", organisationCode: "test-county", scopes: [.visits], on: app.db)
                try await app.server.start(address: .hostname("127.0.0.1", port: 0))
                let port = try XCTUnwrap(app.http.server.shared.localAddress?.port)
                await gateway.simulator.store.setCallback(.init(url: URI(string: "http://127.0.0.1:\(port)/api/v1/sms/delivery-reports"),
                                                                token: secret, inbound: URI(string: "http://127.0.0.1:\(port)/api/v1/sms/inbound")))
                let visit = try await app.send(.POST, "/api/v1/visits", json: RawJSON([
                    "visitId": "K-77", "time": ISO8601DateFormatter().string(from: clock.wall.now), "unit": "B1", "phone": "050 765 4321",
                    "language": "sv", "consent": true, "nonDisclosure": false]), headers: ["Authorization": "Bearer \(key)"])
                XCTAssertEqual(visit.status, .accepted, visit.text)

                clock.advance(by: 60)
                try await JobRunner().runDue(app)
                let question = try await gateway.call(.POST, "messages/sim-1/reply", json: ["text": "10"])
                let comment = try await gateway.call(.POST, "messages/sim-2/reply", json: ["text": "Snabbt och vänligt"])

                XCTAssertEqual(String(decoding: question.body, as: UTF8.self), #"{"outcome":"scored"}"#)
                XCTAssertEqual(String(decoding: comment.body, as: UTF8.self), #"{"outcome":"commented"}"#)
                let sent = await gateway.simulator.store.messages
                XCTAssertEqual(sent.map(\.to), ["+358507654321", "+358507654321"])
                XCTAssertTrue(sent[0].text.contains("Päivystys (sv)"), sent[0].text)
                let answer = try await FeedbackResponse.query(on: app.db).first()
                XCTAssertEqual(answer?.channel, "sms")
                XCTAssertEqual(answer?.language, "sv")
                XCTAssertEqual(answer?.recommendation, 10)
                XCTAssertEqual(answer?.openText, "Snabbt och vänligt")
                await app.server.shutdown()
            }
        }
    }
}
