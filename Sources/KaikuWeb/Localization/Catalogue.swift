import Foundation
import KaikuCore

/// User-facing texts in fi/sv/en, loaded from `Resources/Locales`. Every
/// key must exist in every language; a test checks it.
public struct Catalogue: Sendable {
    public let entries: [Language: [String: String]]

    public init(entries: [Language: [String: String]]) {
        self.entries = entries
    }

    public static func load() throws -> Catalogue {
        var entries: [Language: [String: String]] = [:]
        for language in Language.allCases {
            let data = try ResourceFile.data("Locales/\(language.rawValue).json")
            entries[language] = try JSONDecoder().decode([String: String].self, from: data)
        }
        return Catalogue(entries: entries)
    }

    /// The text for `key`, with `{name}` placeholders filled in. A missing
    /// key shows as itself so that a gap is visible, never a crash.
    public func text(_ key: String, _ language: Language, _ arguments: [String: String] = [:]) -> String {
        var text = entries[language]?[key] ?? entries[.fi]?[key] ?? key
        for (name, value) in arguments {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }

    public func localized(_ key: String) -> LocalizedText {
        LocalizedText(fi: text(key, .fi), sv: text(key, .sv), en: text(key, .en))
    }

    /// The message for a refused submission. People see fields by their
    /// labels; API clients by the names they sent (`answers.nps`).
    public func message(for error: SubmissionError, in language: Language, forPeople: Bool = true) -> String {
        var arguments = error.messageArguments
        if forPeople, let label = entries[language]?["field.\(error.field)"] {
            arguments["field"] = label
        }
        return text(error.messageKey, language, arguments)
    }
}
