import Foundation
import NIOConcurrencyHelpers
import Vapor

/// A stand-in for an OpenAI-compatible chat-completions endpoint on
/// 127.0.0.1, answering as the test tells it and keeping what it was sent.
final class FakeLanguageModel: Sendable {
    enum Behaviour: Sendable {
        /// Answers 200 with this as the assistant message's content.
        case content(String)
        /// Answers with this status and a body that is not a completion.
        case status(Int)
        /// Answers only after this many seconds.
        case slow(TimeInterval)
    }

    struct Received: Sendable {
        var authorization: String?
        var model: String?
        var system: String
        var user: String
    }

    private let state = NIOLockedValueBox<(behaviour: Behaviour, received: [Received])>((.status(500), []))
    let port: Int

    private init(port: Int) {
        self.port = port
    }

    var url: String { "http://127.0.0.1:\(port)/v1" }
    var received: [Received] { state.withLockedValue { $0.received } }

    func behave(_ behaviour: Behaviour) {
        state.withLockedValue { $0.behaviour = behaviour }
    }

    private struct Body: Decodable {
        struct Message: Decodable {
            var role: String
            var content: String
        }
        var model: String?
        var messages: [Message]
    }

    fileprivate func answer(_ request: Request) async throws -> Response {
        let body = try JSONDecoder().decode(Body.self, from: Data(buffer: request.body.data ?? ByteBuffer()))
        let behaviour = state.withLockedValue { state in
            state.received.append(Received(authorization: request.headers.first(name: .authorization), model: body.model,
                                           system: body.messages.first { $0.role == "system" }?.content ?? "",
                                           user: body.messages.first { $0.role == "user" }?.content ?? ""))
            return state.behaviour
        }
        switch behaviour {
        case .content(let content):
            let completion: [String: Any] = ["id": "chatcmpl-1", "object": "chat.completion",
                                             "choices": [["index": 0, "message": ["role": "assistant", "content": content], "finish_reason": "stop"]]]
            let response = Response(status: .ok, body: .init(data: try JSONSerialization.data(withJSONObject: completion)))
            response.headers.contentType = .json
            return response
        case .status(let code):
            return Response(status: HTTPResponseStatus(statusCode: code), body: .init(string: "{\"error\": \"unavailable\"}"))
        case .slow(let seconds):
            try await Task.sleep(for: .milliseconds(Int(seconds * 1_000)))
            return Response(status: .ok, body: .init(string: "{}"))
        }
    }

    /// Serves a fake on a port the system picks while `body` runs.
    static func serve<Result>(_ body: (FakeLanguageModel) async throws -> Result) async throws -> Result {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .critical
        let fake: FakeLanguageModel
        do {
            app.http.server.configuration.hostname = "127.0.0.1"
            app.http.server.configuration.port = 0
            let box = NIOLockedValueBox<FakeLanguageModel?>(nil)
            app.post("v1", "chat", "completions") { request async throws -> Response in
                guard let fake = box.withLockedValue({ $0 }) else { throw Abort(.serviceUnavailable) }
                return try await fake.answer(request)
            }
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            guard let port = app.http.server.shared.localAddress?.port else { throw SimulatorNotListening() }
            fake = FakeLanguageModel(port: port)
            box.withLockedValue { $0 = fake }
        } catch {
            await app.server.shutdown()
            try? await app.asyncShutdown()
            throw error
        }
        let result: Result
        do {
            result = try await body(fake)
        } catch {
            await app.server.shutdown()
            try? await app.asyncShutdown()
            throw error
        }
        await app.server.shutdown()
        try await app.asyncShutdown()
        return result
    }
}
