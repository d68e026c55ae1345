import Foundation
import KaikuSMS
import Vapor

/// A stand-in for an SMS gateway, for development and tests: it accepts the
/// default payload, keeps messages in memory and shows them on a page, so
/// Kaiku's texts can be read without an operator contract or a phone.
///
/// It is a test double, not a service: it binds wherever its app binds and
/// only `POST /messages` checks credentials. Run it on loopback.
///
/// - `POST /messages` — `{"to","text","from"?,"reference"?}` → `{"id":"sim-N"}`
/// - `GET /messages` — every message as JSON, newest last, with its status
/// - `GET /` — the same as a page
/// - `POST /messages/{id}/deliver`, `POST /messages/{id}/fail` — set status
/// - `POST /messages/{id}/reply` `{"text"}` — the customer answers: posted to
///   the inbound callback as `{"from","text","id"}`, as a gateway forwards replies
/// - `POST /control/fail-next?count=N&status=503` — fail the next N requests
/// - `GET /control/stats` — requests counted, messages kept, failures queued
/// - `DELETE /messages` — forget everything
///
/// With a delivery-report callback, marking a message delivered or failed
/// also posts `{"id","reference","status"}` there, as an operator's gateway
/// calls Kaiku's `/api/v1/sms/delivery-reports`.
public struct SMSGatewaySimulator: RouteCollection, Sendable {
    /// Where delivery reports go, and the bearer token sent with them.
    public struct Callback: Sendable {
        public var url: URI
        public var token: String?
        /// Where the customer's replies go (Kaiku's `/api/v1/sms/inbound`).
        public var inbound: URI?

        public init(url: URI, token: String?, inbound: URI? = nil) {
            self.url = url
            self.token = token
            self.inbound = inbound
        }
    }

    public let store: SMSSimulatorStore
    public let authentication: SMSGatewayAuthentication

    public init(store: SMSSimulatorStore = SMSSimulatorStore(), authentication: SMSGatewayAuthentication = .none) {
        self.store = store
        self.authentication = authentication
    }

    /// Mounts the simulator at the root of a standalone app, for
    /// `kaiku sms-simulator --port 9099`. With a token, posting messages
    /// needs `Authorization: Bearer <token>`, as a real gateway would.
    @discardableResult
    public static func configure(_ app: Application, token: String?, callback: Callback? = nil) throws -> SMSGatewaySimulator {
        let simulator = SMSGatewaySimulator(store: SMSSimulatorStore(callback: callback), authentication: token.map { .bearer(token: $0) } ?? .none)
        try app.register(collection: simulator)
        return simulator
    }

    public func boot(routes: any RoutesBuilder) throws {
        routes.get(use: page)
        let messages = routes.grouped("messages")
        messages.post(use: receive)
        messages.get(use: list)
        messages.delete(use: clear)
        messages.post(":id", "deliver") { try await self.mark($0, .delivered) }
        messages.post(":id", "fail") { try await self.mark($0, .failed) }
        messages.post(":id", "reply", use: reply)
        let control = routes.grouped("control")
        control.post("fail-next", use: failNext)
        control.get("stats", use: stats)
    }

    private struct Payload: Decodable {
        var to: String
        var text: String
        var from: String?
        var reference: String?
    }

    @Sendable func receive(_ req: Request) async throws -> Response {
        // Injected failures come first, as from a load balancer in front of
        // the real service; 503 and 429 say "try again now" so tests stay fast.
        if let status = await store.admitRequest() {
            var headers = HTTPHeaders()
            if status == 503 || status == 429 { headers.add(name: .retryAfter, value: "0") }
            return Self.json(["error": "injected failure"], status: HTTPStatus(statusCode: status), headers: headers)
        }
        guard authentication.isSatisfied(by: req.headers) else {
            return Self.json(["error": "missing or wrong credentials"], status: .unauthorized)
        }
        guard req.headers.contentType == .json, let body = req.body.data else {
            return Self.json(["error": "expected a JSON body with Content-Type: application/json"], status: .unsupportedMediaType)
        }
        let payload: Payload
        do {
            payload = try JSONDecoder().decode(Payload.self, from: body)
        } catch DecodingError.keyNotFound(let key, _) {
            return Self.json(["error": "missing \"\(key.stringValue)\""], status: .badRequest)
        } catch DecodingError.typeMismatch(_, let context) {
            return Self.json(["error": "\"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" must be a string"], status: .badRequest)
        } catch {
            return Self.json(["error": "the body is not valid JSON"], status: .badRequest)
        }
        guard HTTPSMSSender.isE164(payload.to) else {
            return Self.json(["error": "\"to\" must be an E.164 number such as +358401234567"], status: .badRequest)
        }
        guard !payload.text.isEmpty else {
            return Self.json(["error": "\"text\" is empty"], status: .badRequest)
        }
        let (message, isNew) = await store.accept(
            to: payload.to, from: payload.from, text: payload.text, reference: payload.reference
        )
        req.logger.info("SMS simulator \(isNew ? "accepted" : "recognised a repeat of") \(message.id)")
        return Self.json(["id": message.id])
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        Self.json(await store.messages)
    }

    @Sendable func clear(_ req: Request) async throws -> Response {
        await store.reset()
        return Response(status: .noContent)
    }

    @Sendable func mark(_ req: Request, _ status: SMSSimulatorStore.Message.Status) async throws -> Response {
        let id = req.parameters.get("id") ?? ""
        guard let message = await store.setStatus(status, id: id) else {
            return Self.json(["error": "no message \(id)"], status: .notFound)
        }
        if let callback = await store.callback {
            try await report(message, to: callback, client: req.client, logger: req.logger)
        }
        // The page's buttons are plain forms; send the browser back to the list.
        if req.headers.first(name: .accept)?.contains("text/html") == true {
            return req.redirect(to: "../../", redirectType: .normal)
        }
        return Self.json(message)
    }

    private struct Reply: Content {
        var text: String
    }

    /// Plays the customer: their reply to a message goes to Kaiku as the
    /// gateway would forward it, and Kaiku's answer comes back as it is.
    @Sendable func reply(_ req: Request) async throws -> Response {
        let id = req.parameters.get("id") ?? ""
        guard let message = await store.message(id: id) else { return Self.json(["error": "no message \(id)"], status: .notFound) }
        guard let callback = await store.callback, let inbound = callback.inbound else {
            return Self.json(["error": "no inbound callback: start the simulator with --inbound URL"], status: .conflict)
        }
        guard let text = (try? req.content.decode(Reply.self))?.text, !text.isEmpty else {
            return Self.json(["error": "send {\"text\": \"…\"}"], status: .badRequest)
        }
        let replyID = "\(message.id)-reply-\(await store.nextReplyNumber())"
        var headers = HTTPHeaders()
        if let token = callback.token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        let answer = try await req.client.post(inbound, headers: headers) { outgoing in
            try outgoing.content.encode(["from": message.to, "text": text, "id": replyID], as: .json)
        }
        req.logger.info("SMS simulator forwarded a reply to \(message.id) to \(inbound): HTTP \(answer.status.code)")
        var responseHeaders = HTTPHeaders()
        responseHeaders.contentType = .json
        return Response(status: answer.status, headers: responseHeaders, body: .init(buffer: answer.body ?? ByteBuffer()))
    }

    /// Posts the delivery report; a callback that refuses it is an error the
    /// developer should see, so it is passed on rather than swallowed.
    func report(_ message: SMSSimulatorStore.Message, to callback: Callback, client: any Client, logger: Logger) async throws {
        var headers = HTTPHeaders()
        if let token = callback.token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        let response = try await client.post(callback.url, headers: headers) { outgoing in
            try outgoing.content.encode(["id": message.id, "reference": message.reference ?? "", "status": message.status.rawValue], as: .json)
        }
        logger.info("SMS simulator reported \(message.id) \(message.status.rawValue) to \(callback.url): HTTP \(response.status.code)")
        guard (200..<300).contains(response.status.code) else {
            throw Abort(.badGateway, reason: "the delivery-report callback answered HTTP \(response.status.code)")
        }
    }

    @Sendable func failNext(_ req: Request) async throws -> Response {
        let count = (try? req.query.get(Int.self, at: "count")) ?? 1
        let status = (try? req.query.get(Int.self, at: "status")) ?? 503
        guard (0...1000).contains(count), (400...599).contains(status) else {
            return Self.json(["error": "count must be 0–1000 and status 400–599"], status: .badRequest)
        }
        await store.failNext(count, status: status)
        return Self.json(["failNext": count, "status": status])
    }

    @Sendable func stats(_ req: Request) async throws -> Response {
        Self.json([
            "requests": await store.requestCount,
            "messages": await store.messages.count,
            "failNext": await store.pendingFailures,
        ])
    }

    @Sendable func page(_ req: Request) async throws -> Response {
        let html = SMSSimulatorPage(messages: await store.messages, requiresAuthentication: authentication != .none).render()
        var headers = HTTPHeaders()
        headers.contentType = .html
        // The texts come from whoever posted them; even escaped, allow no scripts at all.
        headers.add(name: "Content-Security-Policy", value: "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
        return Response(status: .ok, headers: headers, body: .init(string: html))
    }

    /// JSON written the same way whatever the host app configured for its
    /// own API, so the simulator answers alike standalone and mounted.
    static func json<Value: Encodable>(_ value: Value, status: HTTPStatus = .ok, headers: HTTPHeaders = [:]) -> Response {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers = headers
        headers.contentType = .json
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: headers, body: .init(data: data))
    }
}
