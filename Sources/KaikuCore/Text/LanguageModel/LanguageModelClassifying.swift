/// A language model that gives one masked open text its themes and
/// sentiment. Throws when it cannot answer usably (unreachable, too slow,
/// an answer that is not the JSON asked for); the caller falls back to the local classifier then.
public protocol LanguageModelClassifying: Sendable {
    func classify(_ maskedText: String, language: Language, themes: [LanguageModelTheme]) async throws -> TextClassification
}

/// A theme as the model is told of it: the code it must answer with and a name that says what it means.
public struct LanguageModelTheme: Sendable, Equatable {
    public var code: String
    public var name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}
