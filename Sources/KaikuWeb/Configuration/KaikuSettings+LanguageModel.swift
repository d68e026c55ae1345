import Foundation

/// The optional language model (`KAIKU_LLM_URL`, `KAIKU_LLM_KEY`,
/// `KAIKU_LLM_MODEL`): an OpenAI-compatible chat-completions endpoint. Off
/// unless `KAIKU_LLM_URL` is set; the local classifier labels every answer either way.
public struct LanguageModelConfiguration: Sendable, Equatable {
    /// The API's base address, e.g. `https://api.example.com/v1`; Kaiku posts to `{url}/chat/completions`.
    public var url: String
    /// Sent as `Authorization: Bearer …`; local servers may need none.
    public var key: String?
    public var model: String
    /// A slower answer is given up, and the local classifier's result kept.
    public var timeout: TimeInterval = 5

    public init(url: String, key: String?, model: String, timeout: TimeInterval = 5) {
        self.url = url
        self.key = key
        self.model = model
        self.timeout = timeout
    }

    /// `{url}/chat/completions`.
    public var endpoint: String {
        (url.hasSuffix("/") ? String(url.dropLast()) : url) + "/chat/completions"
    }
}

extension KaikuSettings {
    static func languageModel(in environment: [String: String]) throws -> LanguageModelConfiguration? {
        func value(_ name: String) -> String? {
            environment[name].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        guard let url = value("KAIKU_LLM_URL") else { return nil }
        guard url.count <= 2_000, let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
              parsed.host?.isEmpty == false else {
            throw SettingsProblem(variable: "KAIKU_LLM_URL", message: "KAIKU_LLM_URL must be an http(s) address such as https://api.example.com/v1 (Kaiku posts to its /chat/completions), not '\(url.prefix(200))'. Unset it to classify with the local classifier alone.")
        }
        guard let model = value("KAIKU_LLM_MODEL") else {
            throw SettingsProblem(variable: "KAIKU_LLM_MODEL", message: "KAIKU_LLM_MODEL must name the model to ask (for example gpt-4o-mini) when KAIKU_LLM_URL is set. Set it, or unset KAIKU_LLM_URL to classify with the local classifier alone.")
        }
        return LanguageModelConfiguration(url: url, key: value("KAIKU_LLM_KEY"), model: model)
    }
}
