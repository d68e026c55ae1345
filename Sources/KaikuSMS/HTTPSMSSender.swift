import AsyncHTTPClient
import Foundation
import KaikuCore
import Logging
import NIOCore
import NIOHTTP1

/// Sends text messages by posting JSON to the organisation's SMS gateway.
///
/// Busy answers (429, 5xx) and network failures are retried with back-off;
/// refusals (other 4xx) are not, because the same request would be refused
/// again. A retry after a timeout may repeat a message the gateway did
/// receive, so every attempt carries the same `reference` — in the payload
/// and as `Idempotency-Key` — for the gateway to recognise the repeat.
public struct HTTPSMSSender: SMSSender {
    public let client: HTTPClient
    public let configuration: SMSGatewayConfiguration
    let logger: Logger

    /// Error bodies are kept for the typed error; a gateway that answers with
    /// a whole HTML page should not fill memory or logs with it.
    static let bodyLimit = 64 * 1024
    static let errorBodyLimit = 2 * 1024

    /// `client` is shared and owned by the caller, typically `app.http.client.shared`.
    public init(client: HTTPClient, configuration: SMSGatewayConfiguration, logger: Logger = Logger(label: "kaiku.sms")) {
        self.client = client
        self.configuration = configuration
        self.logger = logger
    }

    /// E.164: `+`, a country code that never starts with 0, 8–15 digits in all.
    public static func isE164(_ number: String) -> Bool {
        number.range(of: #"^\+[1-9][0-9]{7,14}$"#, options: .regularExpression) != nil
    }

    public func send(_ message: OutgoingSMS) async throws -> SMSAcceptance {
        guard Self.isE164(message.to) else { throw SMSGatewayError.invalidRecipient(message.to) }
        let request = makeRequest(for: message)
        let policy = configuration.retryPolicy
        var logger = self.logger
        logger[metadataKey: "sms-reference"] = "\(message.reference)"

        var attempt = 0
        while true {
            attempt += 1
            let outcome = await post(request)
            let failure: (status: Int?, detail: String, retryAfter: TimeInterval?)
            switch outcome {
            case .accepted(let body):
                let id = configuration.messageIDPath.extract(from: body)
                if id == nil && !configuration.messageIDPath.components.isEmpty {
                    // Still a success: resending would duplicate the text, and the id only matters for reports.
                    logger.warning("SMS gateway accepted the message but gave no id at \(configuration.messageIDPath)")
                }
                logger.debug("SMS accepted", metadata: ["attempt": "\(attempt)", "gateway-id": "\(id ?? "-")"])
                return SMSAcceptance(gatewayID: id)
            case .refused(let status, let body):
                logger.error("SMS gateway refused the message", metadata: ["status": "\(status)"])
                throw SMSGatewayError.rejected(status: status, body: body)
            case .busy(let status, let body, let retryAfter):
                failure = (status, body.isEmpty ? "HTTP \(status)" : body, retryAfter)
            case .unreachable(let error):
                // A cancelled caller (shutdown, request gone) wants no more attempts.
                if error is CancellationError { throw error }
                try Task.checkCancellation()
                failure = (nil, String(describing: error), nil)
            }
            guard let delay = policy.delay(afterAttempt: attempt, retryAfter: failure.retryAfter) else {
                logger.error("SMS gateway unavailable; giving up", metadata: ["attempts": "\(attempt)"])
                throw SMSGatewayError.unavailable(
                    attempts: attempt, lastStatus: failure.status, detail: failure.detail, retryAfter: failure.retryAfter
                )
            }
            logger.warning("SMS gateway busy or unreachable; retrying", metadata: [
                "attempt": "\(attempt)", "status": "\(failure.status.map(String.init) ?? "-")",
                "delay": "\(String(format: "%.3f", delay))",
            ])
            try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
        }
    }

    private enum Outcome {
        case accepted(Data)
        case refused(status: Int, body: String)
        case busy(status: Int, body: String, retryAfter: TimeInterval?)
        case unreachable(any Error)
    }

    /// Built once per message, so every retry posts exactly the same bytes.
    private func makeRequest(for message: OutgoingSMS) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: configuration.url.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "Kaiku")
        if !message.reference.isEmpty {
            request.headers.add(name: "Idempotency-Key", value: message.reference)
        }
        if let field = configuration.authentication.headerField {
            request.headers.replaceOrAdd(name: field.name, value: field.value)
        }
        let payload = configuration.payloadTemplate.render(
            to: message.to, text: message.text, reference: message.reference, sender: configuration.senderName
        )
        request.body = .bytes(ByteBuffer(string: payload))
        return request
    }

    private func post(_ request: HTTPClientRequest) async -> Outcome {
        let response: HTTPClientResponse
        do {
            let timeout = TimeAmount.milliseconds(Int64(max(0.001, configuration.timeout) * 1000))
            response = try await client.execute(request, timeout: timeout, logger: logger)
        } catch {
            return .unreachable(error)
        }
        let status = Int(response.status.code)
        // Past this point the gateway has answered; a broken body must not
        // turn a 2xx into a retry and so into a second text on someone's phone.
        let body = (try? await Self.read(response.body)) ?? Data()
        switch status {
        case 200..<300:
            return .accepted(body)
        case 429, 500..<600:
            let retryAfter = SMSRetryPolicy.retryAfter(response.headers.first(name: "Retry-After"))
            return .busy(status: status, body: Self.excerpt(body), retryAfter: retryAfter)
        default:
            return .refused(status: status, body: Self.excerpt(body))
        }
    }

    /// Reads the whole body so the connection can be reused, keeping only
    /// the first `bodyLimit` bytes.
    private static func read(_ body: HTTPClientResponse.Body) async throws -> Data {
        var kept = Data()
        for try await chunk in body where kept.count < bodyLimit {
            kept.append(contentsOf: chunk.readableBytesView.prefix(bodyLimit - kept.count))
        }
        return kept
    }

    private static func excerpt(_ body: Data) -> String {
        let text = String(decoding: body.prefix(errorBodyLimit), as: UTF8.self)
        return body.count > errorBodyLimit ? text + "…" : text
    }
}
