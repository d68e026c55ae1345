import Foundation
import XCTVapor
@testable import KaikuWeb
import KaikuSMS
@testable import KaikuSMSSimulator

/// The simulator's own endpoints, in memory: statuses, control, the page.
final class SMSGatewaySimulatorTests: XCTestCase {
    private func withSimulator(token: String? = nil, _ body: (Application, SMSGatewaySimulator) async throws -> Void) async throws {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        do {
            let simulator = try SMSGatewaySimulator.configure(app, token: token)
            try await body(app, simulator)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    private func post(_ app: Application, _ json: String, headers: HTTPHeaders = ["Content-Type": "application/json"]) async throws -> XCTHTTPResponse {
        try await app.sendRequest(.POST, "/messages", headers: headers, body: ByteBuffer(string: json))
    }

    func testDeliverAndFailSetTheStatus() async throws {
        try await withSimulator { app, simulator in
            _ = try await post(app, #"{"to":"+358401234567","text":"a","reference":"1"}"#)
            _ = try await post(app, #"{"to":"+358401234567","text":"b","reference":"2"}"#)
            let delivered = try await app.sendRequest(.POST, "/messages/sim-1/deliver")
            XCTAssertEqual(delivered.status, .ok)
            XCTAssertTrue(delivered.body.string.contains(#""status":"delivered""#))
            let failed = try await app.sendRequest(.POST, "/messages/sim-2/fail")
            XCTAssertEqual(failed.status, .ok)
            let missing = try await app.sendRequest(.POST, "/messages/sim-9/deliver")
            XCTAssertEqual(missing.status, .notFound)

            let statuses = await simulator.store.messages.map(\.status)
            XCTAssertEqual(statuses, [.delivered, .failed])
            let listed = try await app.sendRequest(.GET, "/messages")
            XCTAssertLessThan(listed.body.string.range(of: "sim-1")!.lowerBound, listed.body.string.range(of: "sim-2")!.lowerBound, "newest last")
        }
    }

    func testTheFormButtonsLeadBackToThePage() async throws {
        try await withSimulator { app, _ in
            _ = try await post(app, #"{"to":"+358401234567","text":"a"}"#)
            let response = try await app.sendRequest(.POST, "/messages/sim-1/deliver", headers: ["Accept": "text/html,*/*"])
            XCTAssertEqual(response.status, .seeOther)
            XCTAssertEqual(response.headers.first(name: .location), "../../")
        }
    }

    func testPageEscapesWhatWasPosted() async throws {
        try await withSimulator { app, _ in
            _ = try await post(app, #"{"to":"+358401234567","text":"<script>alert('x')</script> & \"Ä\"","from":"<b>","reference":"<i>"}"#)
            let page = try await app.sendRequest(.GET, "/")
            XCTAssertEqual(page.status, .ok)
            XCTAssertEqual(page.headers.contentType, .html)
            let html = page.body.string
            XCTAssertFalse(html.contains("<script>"))
            XCTAssertFalse(html.contains("<b>"))
            XCTAssertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Ä&quot;"))
            XCTAssertTrue(html.contains(#"action="messages/sim-1/deliver""#))
            XCTAssertNotNil(page.headers.first(name: "Content-Security-Policy"))
        }
    }

    func testBadPayloadsAreRefused() async throws {
        try await withSimulator { app, simulator in
            let missing = try await post(app, #"{"to":"+358401234567"}"#)
            XCTAssertEqual(missing.status, .badRequest)
            XCTAssertTrue(missing.body.string.contains(#"missing \"text\""#))
            let r1 = try await post(app, #"{"to":"0401234567","text":"a"}"#)
            XCTAssertEqual(r1.status, .badRequest)
            let r2 = try await post(app, #"{"to":358401234567,"text":"a"}"#)
            XCTAssertEqual(r2.status, .badRequest)
            let r3 = try await post(app, "nope")
            XCTAssertEqual(r3.status, .badRequest)
            let r4 = try await post(app, #"{"to":"+358401234567","text":"a"}"#, headers: ["Content-Type": "text/plain"])
            XCTAssertEqual(r4.status, .unsupportedMediaType)
            let stored = await simulator.store.messages
            XCTAssertTrue(stored.isEmpty)
        }
    }

    func testTokenIsCheckedOnlyWhenConfigured() async throws {
        try await withSimulator(token: "t0k") { app, _ in
            let r5 = try await post(app, #"{"to":"+358401234567","text":"a"}"#)
            XCTAssertEqual(r5.status, .unauthorized)
            let headers: HTTPHeaders = ["Content-Type": "application/json", "Authorization": "bearer t0k"]
            let r6 = try await post(app, #"{"to":"+358401234567","text":"a"}"#, headers: headers)
            XCTAssertEqual(r6.status, .ok)
        }
    }

    func testFailNextAnswersWithTheStatusAndRetryAfter() async throws {
        try await withSimulator { app, simulator in
            let r7 = try await app.sendRequest(.POST, "/control/fail-next?count=2&status=429")
            XCTAssertEqual(r7.status, .ok)
            let first = try await post(app, #"{"to":"+358401234567","text":"a"}"#)
            XCTAssertEqual(first.status, .tooManyRequests)
            XCTAssertEqual(first.headers.first(name: .retryAfter), "0")
            let r8 = try await post(app, #"{"to":"+358401234567","text":"a"}"#)
            XCTAssertEqual(r8.status, .tooManyRequests)
            let r9 = try await post(app, #"{"to":"+358401234567","text":"a"}"#)
            XCTAssertEqual(r9.status, .ok)
            let r10 = try await app.sendRequest(.POST, "/control/fail-next?count=1&status=200")
            XCTAssertEqual(r10.status, .badRequest)
            let requests = await simulator.store.requestCount
            XCTAssertEqual(requests, 3)
        }
    }

    func testDeleteForgetsEverything() async throws {
        try await withSimulator { app, simulator in
            _ = try await post(app, #"{"to":"+358401234567","text":"a"}"#)
            _ = try await app.sendRequest(.POST, "/control/fail-next?count=5")
            let r11 = try await app.sendRequest(.DELETE, "/messages")
            XCTAssertEqual(r11.status, .noContent)
            let count = await simulator.store.messages.count
            let pending = await simulator.store.pendingFailures
            XCTAssertEqual(count, 0)
            XCTAssertEqual(pending, 0)
            let again = try await post(app, #"{"to":"+358401234567","text":"b"}"#)
            XCTAssertTrue(again.body.string.contains("sim-1"), "ids start over")
        }
    }
}
