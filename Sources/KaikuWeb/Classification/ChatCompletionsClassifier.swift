import AsyncHTTPClient
import Foundation
import KaikuCore
import Logging
import NIOCore

/// The language model behind an OpenAI-compatible `POST {url}/chat/completions`.
struct ChatCompletionsClassifier: LanguageModelClassifying {
    let client: HTTPClient
    let configuration: LanguageModelConfiguration
    let logger: Logger

    /// A model that answers with more than this is not answering what it was asked.
    static let bodyLimit = 256 * 1024

    enum Failure: Error, Equatable {
        case status(Int)
        case unreadableAnswer
        case timedOut
    }

    private struct ChatRequest: Encodable {
        struct Message: Encodable {
            var role: String
            var content: String
        }
        var model: String
        var messages: [Message]
        var temperature: Double
    }

    private struct ChatResponse: Decodable {
        struct Choice: Decodable {
            struct Message: Decodable { var content: String? }
            var message: Message
        }
        var choices: [Choice]
    }

    func classify(_ maskedText: String, language: Language, themes: [LanguageModelTheme]) async throws -> TextClassification {
        var request = HTTPClientRequest(url: configuration.endpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "Kaiku")
        if let key = configuration.key { request.headers.add(name: "Authorization", value: "Bearer \(key)") }
        let body = ChatRequest(model: configuration.model, messages: [
            .init(role: "system", content: LanguageModelPrompt.system(themes: themes)),
            .init(role: "user", content: maskedText),
        ], temperature: 0)
        request.body = .bytes(ByteBuffer(data: try JSONEncoder().encode(body)))
        let content = try await Self.within(configuration.timeout) { [client, logger, request] in
            let response = try await client.execute(request, timeout: .milliseconds(Int64(configuration.timeout * 1_000)), logger: logger)
            let bytes = try await response.body.collect(upTo: Self.bodyLimit)
            guard (200..<300).contains(Int(response.status.code)) else { throw Failure.status(Int(response.status.code)) }
            guard let decoded = try? JSONDecoder().decode(ChatResponse.self, from: Data(buffer: bytes)),
                  let content = decoded.choices.first?.message.content else { throw Failure.unreadableAnswer }
            return content
        }
        guard let classification = LanguageModelPrompt.parse(content, themes: themes.map(\.code)) else { throw Failure.unreadableAnswer }
        return classification
    }

    /// Runs `work`, giving up after `seconds` however the connection behaves (a slow body included).
    static func within<T: Sendable>(_ seconds: TimeInterval, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(for: .milliseconds(Int(seconds * 1_000)))
                throw Failure.timedOut
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw Failure.timedOut }
            return first
        }
    }
}
