import FluentKit
import Foundation
import KaikuCore
import KaikuSMTP
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// The confirmation a customer gets after asking for an answer, through a
/// real SMTP server (Tests/system/smtp_sink.py) and the job table, on
/// whichever database `withApp` runs.
final class ConfirmationMailTests: XCTestCase {
    private var sinks: SMTPSinks?
    private static let publicURL = "https://palaute.example.fi"

    override func setUpWithError() throws {
        sinks = try SMTPSinks(prefix: "kaiku-confirm")
    }

    override func tearDown() {
        sinks?.stopAll()
        super.tearDown()
    }

    private func startSink(port: Int? = nil) throws -> SMTPSink {
        try XCTUnwrap(sinks).start(port: port)
    }

    private func withMailingApp(port: Int, clock: TestClock = TestClock(), _ body: (Application) async throws -> Void) async throws {
        try await withApp(clock: clock.wall, adjust: {
            $0.smtp = SMTPConfiguration(host: "127.0.0.1", port: port, security: .none, fromAddress: "palaute@kaiku.example")
            $0.publicBaseURL = Self.publicURL
        }, body)
    }

    private func postForm(_ app: Application, _ fields: String) async throws -> XCTHTTPResponse {
        try await app.send(.POST, "/f/t-a1", headers: ["Content-Type": "application/x-www-form-urlencoded", "Host": "evil.example"],
                           body: "formToken=\(UUID().uuidString)&nps=8&" + fields)
    }

    func testSwedishFormSendsOneSwedishConfirmationWithReceiptPromiseAndStatusLink() async throws {
        let sink = try startSink()
        try await withMailingApp(port: sink.port) { app in
            _ = try await TestWorld.make(on: app)
            let sent = try await postForm(app, "lang=sv&wantsAnswer=yes&contactEmail=kund%40example.fi&openText=Hej")
            XCTAssertEqual(sent.status, .seeOther, sent.text)
            let opened = try await FeedbackCase.query(on: app.db).first()
            let item = try XCTUnwrap(opened)

            try await JobRunner().runDue(app)
            try await JobRunner().runDue(app)

            let message = try sink.onlyMessage().message
            XCTAssertEqual(message.to?.address, "kund@example.fi")
            XCTAssertEqual(message.headers["Subject"], "Tack för din respons – kod \(item.receipt)")
            let parts = try XCTUnwrap(message.parts)
            XCTAssertEqual(parts.map(\.contentType), ["text/plain", "text/html"])
            let link = "\(Self.publicURL)/status?receipt=\(item.receipt)&lang=sv"
            let text = parts[0].body
            for expected in ["tack för din respons", item.receipt, link, "Hammashoitola, Keskusta (sv)", "Enhet A1",
                             "inom 14 dagar", "test-county sv"] {
                XCTAssertTrue(text.contains(expected), "\(expected) missing from:\n\(text)")
            }
            XCTAssertFalse(text.contains("evil.example"), "links never come from the Host header")
            XCTAssertTrue(parts[1].body.contains("href=\"\(link.replacingOccurrences(of: "&", with: "&amp;"))\""), parts[1].body)
            XCTAssertTrue(parts[1].body.contains("<html lang=\"sv\">"))
        }
    }

    func testRetriedAPISubmissionIsConfirmedOnce() async throws {
        let sink = try startSink()
        try await withMailingApp(port: sink.port) { app in
            _ = try await TestWorld.make(on: app)
            let extra: [String: Any] = ["contact": ["email": "asiakas@example.fi"], "wantsAnswer": true]
            let first = try await TestWorld.submit(app, target: "t-a1", nps: 3, language: "en", extra: extra, key: "retry-1")
            try await JobRunner().runDue(app)
            let again = try await TestWorld.submit(app, target: "t-a1", nps: 3, language: "en", extra: extra, key: "retry-1")
            try await JobRunner().runDue(app)

            XCTAssertEqual(again.receipt, first.receipt)
            let messages = try sink.messages()
            XCTAssertEqual(messages.count, 1)
            XCTAssertEqual(messages.first?.message.headers["Subject"], "Thank you for your feedback – code \(first.receipt)")
        }
    }

    func testMailServerDownKeepsTheAnswerAndTheConfirmationGoesOutOnRetry() async throws {
        let port = try SMTPSink.freeLoopbackPort()
        let clock = TestClock()
        try await withMailingApp(port: port, clock: clock) { app in
            _ = try await TestWorld.make(on: app)
            let receipt = try await TestWorld.submit(app, target: "t-a1", nps: 9, language: "fi",
                                                     extra: ["contact": ["email": "asiakas@example.fi"], "wantsAnswer": true])
            try await JobRunner().runDue(app)
            let waiting = try await Job.query(on: app.db).filter(\.$kind == CaseJobs.confirmation).all()
            XCTAssertEqual(waiting.count, 1)
            XCTAssertNil(waiting.first?.doneAt)
            XCTAssertNotNil(waiting.first?.lastError, "the refused connection is recorded for a retry")

            let sink = try startSink(port: port)
            clock.advance(by: 120)
            try await JobRunner().runDue(app)

            let message = try sink.onlyMessage().message
            XCTAssertEqual(message.headers["Subject"], "Kiitos palautteestasi – tunnus \(receipt.receipt)")
            let stored = try await FeedbackResponse.query(on: app.db).filter(\.$receipt == receipt.receipt).count()
            XCTAssertEqual(stored, 1)
        }
    }

    func testNothingIsSentWithoutAnEmailAddressOrWithoutAskingForAnAnswer() async throws {
        let sink = try startSink()
        try await withMailingApp(port: sink.port) { app in
            _ = try await TestWorld.make(on: app)
            try await TestWorld.submit(app, target: "t-a1", nps: 5, extra: ["contact": ["phone": "0401234567"], "wantsAnswer": true])
            try await TestWorld.submit(app, target: "t-a1", nps: 5, extra: ["contact": ["email": "ei.vastausta@example.fi"], "wantsAnswer": false])
            try await TestWorld.submit(app, target: "t-a1", nps: 5)
            _ = try await postForm(app, "lang=fi&contactEmail=lomake%40example.fi")
            try await JobRunner().runDue(app)

            let cases = try await FeedbackCase.query(on: app.db).count()
            XCTAssertEqual(cases, 1, "only the phone-only answer opens a case")
            let confirmations = try await Job.query(on: app.db).filter(\.$kind == CaseJobs.confirmation).count()
            XCTAssertEqual(confirmations, 0)
            XCTAssertEqual(try sink.messages().count, 0)
        }
    }
}
