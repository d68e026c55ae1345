import Foundation
import NIOCore
import XCTVapor
@testable import KaikuWeb

/// A request as it arrives from a given peer address. XCTVapor's in-memory
/// requests have no peer at all, and tests of throttles and of
/// `X-Forwarded-For` need to say who is asking.
struct PeerResponse {
    var status: HTTPStatus
    var headers: HTTPHeaders
    var text: String
}

extension Application {
    func send(from peer: String, _ method: HTTPMethod, _ path: String, json: (any Encodable)? = nil,
              headers extra: HTTPHeaders = [:]) async throws -> PeerResponse {
        var headers = extra
        var body: ByteBuffer?
        if let json {
            headers.contentType = .json
            body = ByteBuffer(data: try JSONEncoder().encode(json))
        }
        let request = Request(application: self, method: method, url: URI(string: path), headers: headers, collectedBody: body,
                              remoteAddress: try SocketAddress(ipAddress: peer, port: 40_000), logger: logger,
                              on: eventLoopGroup.next())
        let response = try await responder.respond(to: request).get()
        let collected = try await response.body.collect(on: request.eventLoop).get()
        return PeerResponse(status: response.status, headers: response.headers, text: collected.map { String(buffer: $0) } ?? "")
    }

    /// `POST /api/v1/auth/token` from `peer`.
    func signIn(from peer: String, _ email: String, _ password: String, headers: HTTPHeaders = [:]) async throws -> PeerResponse {
        try await send(from: peer, .POST, "/api/v1/auth/token", json: ["email": email, "password": password], headers: headers)
    }
}

extension Application {
    /// A form post (`application/x-www-form-urlencoded`) from `peer`.
    func sendForm(from peer: String, _ path: String, _ fields: [String: String], accept: String = "text/html") async throws -> PeerResponse {
        let body = fields.map { "\($0.key.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }
            .joined(separator: "&")
        var headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded", "Accept": accept]
        headers.replaceOrAdd(name: .host, value: "127.0.0.1:8080")
        let request = Request(application: self, method: .POST, url: URI(string: path), headers: headers, collectedBody: ByteBuffer(string: body),
                              remoteAddress: try SocketAddress(ipAddress: peer, port: 40_000), logger: logger, on: eventLoopGroup.next())
        let response = try await responder.respond(to: request).get()
        let collected = try await response.body.collect(on: request.eventLoop).get()
        return PeerResponse(status: response.status, headers: response.headers, text: collected.map { String(buffer: $0) } ?? "")
    }
}
