import AsyncHTTPClient
import Foundation
import KaikuCore
import NIOCore
import XCTVapor
@testable import KaikuWeb
@testable import KaikuSMS
import KaikuSMSSimulator

/// The real `HTTPSMSSender` against the simulator served over real HTTP on
/// a free loopback port, so headers, encoding and retries cross a socket.
final class HTTPSMSSenderTests: XCTestCase {
    private let number = "+358401234567"

    func testMessageArrivesWithItsFieldsAndTheBearerToken() async throws {
        try await withLiveGateway(token: "s3cret") { gateway in
            let sender = gateway.sender(authentication: .bearer(token: "s3cret"))
            let acceptance = try await sender.send(OutgoingSMS(to: number, text: "Kiitos palautteesta", reference: "case-42"))
            XCTAssertEqual(acceptance.gatewayID, "sim-1")

            let messages = try await gateway.listed()
            XCTAssertEqual(messages.count, 1)
            XCTAssertEqual(messages.first?.id, "sim-1")
            XCTAssertEqual(messages.first?.to, number)
            XCTAssertEqual(messages.first?.from, "Kaiku")
            XCTAssertEqual(messages.first?.text, "Kiitos palautteesta")
            XCTAssertEqual(messages.first?.reference, "case-42")
            XCTAssertEqual(messages.first?.status, .accepted)
            let requests = await gateway.simulator.store.requestCount
            XCTAssertEqual(requests, 1)
        }
    }

    func testBasicAndHeaderCredentialsAreAccepted() async throws {
        let schemes: [SMSGatewayAuthentication] = [
            .basic(user: "kaiku", password: "pa:ss wörd"),
            .header(name: "X-Api-Key", value: "k-123"),
        ]
        for authentication in schemes {
            try await withLiveGateway(authentication: authentication) { gateway in
                let acceptance = try await gateway.sender(authentication: authentication)
                    .send(OutgoingSMS(to: number, text: "Hei", reference: "r-1"))
                XCTAssertEqual(acceptance.gatewayID, "sim-1", "\(authentication)")
            }
        }
    }

    func testFinnishTextWithQuotesAndBackslashesRoundTrips() async throws {
        let text = "Hyvä asiakas, kiitos \"nopeasta\" palautteesta! Älä huoli: käsittely on työn alla.\nPolku C:\\temp\\å.txt, ö Ö Å 😀 {reference}\t"
        try await withLiveGateway { gateway in
            _ = try await gateway.sender().send(OutgoingSMS(to: number, text: text, reference: "ref-\"ä\"\\"))
            let stored = await gateway.simulator.store.messages
            XCTAssertEqual(stored.first?.text, text)
            XCTAssertEqual(stored.first?.reference, "ref-\"ä\"\\")
            let listed = try await gateway.listed()
            XCTAssertEqual(listed.first?.text, text)
        }
    }

    func testTwoUnavailableAnswersAreRetriedAndTheMessageIsStoredOnce() async throws {
        try await withLiveGateway { gateway in
            let injected = try await gateway.call(.POST, "control/fail-next?count=2&status=503")
            XCTAssertEqual(injected.status, .ok)
            let acceptance = try await gateway.sender(maxAttempts: 4).send(OutgoingSMS(to: number, text: "Hei", reference: "r-503"))
            XCTAssertEqual(acceptance.gatewayID, "sim-1")
            let stats = try JSONDecoder().decode([String: Int].self, from: try await gateway.call(.GET, "control/stats").body)
            XCTAssertEqual(stats["requests"], 3, "two refused attempts and the one that went through")
            XCTAssertEqual(stats["messages"], 1)
            XCTAssertEqual(stats["failNext"], 0)
            let listed = try await gateway.listed()
            XCTAssertEqual(listed.map(\.reference), ["r-503"])
        }
    }

    func testRetryAfterFromA429WinsOverALongBackoff() async throws {
        try await withLiveGateway { gateway in
            _ = try await gateway.call(.POST, "control/fail-next?count=1&status=429")
            // A 30 s back-off would time the test out; the simulator's Retry-After: 0 must be obeyed instead.
            let sender = gateway.sender(backoff: 30)
            let started = Date()
            _ = try await sender.send(OutgoingSMS(to: number, text: "Hei", reference: "r-429"))
            XCTAssertLessThan(Date().timeIntervalSince(started), 5)
            let requests = await gateway.simulator.store.requestCount
            XCTAssertEqual(requests, 2)
        }
    }

    func testGivesUpAfterMaxAttemptsAsUnavailable() async throws {
        try await withLiveGateway { gateway in
            _ = try await gateway.call(.POST, "control/fail-next?count=10&status=503")
            do {
                _ = try await gateway.sender(maxAttempts: 3).send(OutgoingSMS(to: number, text: "Hei", reference: "r-x"))
                XCTFail("expected the gateway to stay unavailable")
            } catch let error as SMSGatewayError {
                guard case .unavailable(let attempts, let status, _, let retryAfter) = error else {
                    return XCTFail("unexpected \(error)")
                }
                XCTAssertEqual(attempts, 3)
                XCTAssertEqual(status, 503)
                XCTAssertEqual(retryAfter, 0)
                XCTAssertTrue(error.isRetryable)
            }
            let requests = await gateway.simulator.store.requestCount
            let stored = await gateway.simulator.store.messages
            XCTAssertEqual(requests, 3)
            XCTAssertTrue(stored.isEmpty)
        }
    }

    func testBadRequestFailsAtOnceWithStatusAndBody() async throws {
        // A template naming the text field wrongly is the classic misconfiguration.
        let template = try SMSPayloadTemplate(#"{"to":"{to}","body":"{text}"}"#)
        try await withLiveGateway { gateway in
            do {
                _ = try await gateway.sender(template: template).send(OutgoingSMS(to: number, text: "Hei", reference: "r-400"))
                XCTFail("expected a rejection")
            } catch let error as SMSGatewayError {
                guard case .rejected(let status, let body) = error else { return XCTFail("unexpected \(error)") }
                XCTAssertEqual(status, 400)
                XCTAssertTrue(body.contains("missing \\\"text\\\""), body)
                XCTAssertFalse(error.isRetryable)
            }
            let requests = await gateway.simulator.store.requestCount
            XCTAssertEqual(requests, 1, "a 400 must not be retried")
        }
    }

    func testInjected4xxIsNotRetriedEither() async throws {
        try await withLiveGateway { gateway in
            _ = try await gateway.call(.POST, "control/fail-next?count=3&status=422")
            do {
                _ = try await gateway.sender().send(OutgoingSMS(to: number, text: "Hei", reference: "r-422"))
                XCTFail("expected a rejection")
            } catch let error as SMSGatewayError {
                XCTAssertEqual(error.status, 422)
            }
            let requests = await gateway.simulator.store.requestCount
            XCTAssertEqual(requests, 1)
        }
    }

    func testInvalidNumbersFailBeforeAnyRequest() async throws {
        try await withLiveGateway { gateway in
            let sender = gateway.sender()
            for bad in ["0401234567", "358401234567", "+358 40 123 4567", "+3584", "+0401234567", "+1234567890123456", "", "+35840abc4567"] {
                do {
                    _ = try await sender.send(OutgoingSMS(to: bad, text: "Hei", reference: "r"))
                    XCTFail("\(bad) should be refused")
                } catch let error as SMSGatewayError {
                    XCTAssertEqual(error, .invalidRecipient(bad))
                }
            }
            let requests = await gateway.simulator.store.requestCount
            XCTAssertEqual(requests, 0)
            // The boundaries: 8 and 15 digits are fine.
            _ = try await sender.send(OutgoingSMS(to: "+35840123", text: "Hei", reference: "short"))
            _ = try await sender.send(OutgoingSMS(to: "+358401234567890", text: "Hei", reference: "long"))
        }
    }

    func testWrongCredentialsAre401AndNotRetried() async throws {
        try await withLiveGateway(token: "right") { gateway in
            for authentication in [SMSGatewayAuthentication.bearer(token: "wrong"), .none, .basic(user: "right", password: "")] {
                let before = await gateway.simulator.store.requestCount
                do {
                    _ = try await gateway.sender(authentication: authentication).send(OutgoingSMS(to: number, text: "Hei", reference: "r"))
                    XCTFail("expected 401 for \(authentication)")
                } catch let error as SMSGatewayError {
                    XCTAssertEqual(error.status, 401)
                    XCTAssertFalse(error.isRetryable)
                }
                let after = await gateway.simulator.store.requestCount
                XCTAssertEqual(after - before, 1, "401 must not be retried")
            }
            let stored = await gateway.simulator.store.messages
            XCTAssertTrue(stored.isEmpty)
        }
    }

    func testUnreachableGatewayIsRetriedThenUnavailable() async throws {
        // Bound and released again: nothing listens there any more. The
        // HTTP client keeps trying to connect until the timeout, so keep it short.
        let port = try await withLiveGateway { $0.port }
        let configuration = SMSGatewayConfiguration(
            url: URL(string: "http://127.0.0.1:\(port)/messages")!, timeout: 0.3, maxAttempts: 3, baseBackoff: 0.01
        )
        do {
            _ = try await HTTPSMSSender(client: .shared, configuration: configuration, logger: quietLogger)
                .send(OutgoingSMS(to: number, text: "Hei", reference: "r"))
            XCTFail("expected the gateway to be unreachable")
        } catch let error as SMSGatewayError {
            guard case .unavailable(let attempts, let status, _, _) = error else { return XCTFail("unexpected \(error)") }
            XCTAssertEqual(attempts, 3)
            XCTAssertNil(status)
        }
    }

    func testTheSameReferenceSentTwiceIsKeptOnce() async throws {
        try await withLiveGateway { gateway in
            let sender = gateway.sender()
            let first = try await sender.send(OutgoingSMS(to: number, text: "Hei", reference: "case-7-reply-1"))
            let second = try await sender.send(OutgoingSMS(to: number, text: "Hei", reference: "case-7-reply-1"))
            XCTAssertEqual(first, second)
            let stored = await gateway.simulator.store.messages
            XCTAssertEqual(stored.count, 1)
        }
    }

    func testTheGatewayIDIsFoundAtTheConfiguredPath() async throws {
        try await withLiveGateway { gateway in
            let sender = gateway.sender(idPath: try SMSMessageIDPath(parsing: "messages.0.id"))
            // The simulator answers {"id": …}, so this path finds nothing: still sent, just without an id.
            let acceptance = try await sender.send(OutgoingSMS(to: number, text: "Hei", reference: "r"))
            XCTAssertNil(acceptance.gatewayID)
            let stored = await gateway.simulator.store.messages
            XCTAssertEqual(stored.count, 1)
        }
    }
}

/// The simulator on a real socket, plus helpers to drive it over HTTP.
struct LiveGateway {
    let simulator: SMSGatewaySimulator
    let port: Int

    var baseURL: String { "http://127.0.0.1:\(port)" }

    func sender(
        authentication: SMSGatewayAuthentication = .none, template: SMSPayloadTemplate = .default,
        maxAttempts: Int = 4, backoff: TimeInterval = 0.01, idPath: SMSMessageIDPath = .default
    ) -> HTTPSMSSender {
        let configuration = SMSGatewayConfiguration(
            url: URL(string: "\(baseURL)/messages")!, authentication: authentication, payloadTemplate: template,
            timeout: 5, maxAttempts: maxAttempts, baseBackoff: backoff, messageIDPath: idPath
        )
        return HTTPSMSSender(client: .shared, configuration: configuration, logger: quietLogger)
    }

    func call(_ method: NIOHTTP1.HTTPMethod, _ path: String, json: [String: String]? = nil) async throws -> (status: HTTPResponseStatus, body: Data) {
        var request = HTTPClientRequest(url: "\(baseURL)/\(path)")
        request.method = method
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(data: try JSONEncoder().encode(json)))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(5))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (response.status, Data(buffer: body))
    }

    func listed() async throws -> [SMSSimulatorStore.Message] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode([SMSSimulatorStore.Message].self, from: try await call(.GET, "messages").body)
    }
}

/// Serves a fresh simulator on 127.0.0.1 with a port the system picks, and
/// always shuts it down again.
func withLiveGateway<Result>(
    token: String? = nil, authentication: SMSGatewayAuthentication = .none,
    _ body: (LiveGateway) async throws -> Result
) async throws -> Result {
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    let simulator: SMSGatewaySimulator
    do {
        if let token {
            simulator = try SMSGatewaySimulator.configure(app, token: token)
        } else {
            simulator = SMSGatewaySimulator(authentication: authentication)
            try app.register(collection: simulator)
        }
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = 0
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    let result: Result
    do {
        guard let port = app.http.server.shared.localAddress?.port else { throw SimulatorNotListening() }
        result = try await body(LiveGateway(simulator: simulator, port: port))
    } catch {
        await app.server.shutdown()
        try? await app.asyncShutdown()
        throw error
    }
    await app.server.shutdown()
    try await app.asyncShutdown()
    return result
}

struct SimulatorNotListening: Error {}

/// The sender logs every refusal and retry; expected ones need not fill the test output.
let quietLogger: Logger = {
    var logger = Logger(label: "kaiku.sms.test")
    logger.logLevel = .critical
    return logger
}()
