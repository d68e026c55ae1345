import Foundation

/// What Kaiku asks a chat-completions model, and how it reads the answer:
/// only theme codes of the organisation and one of the four sentiments are kept.
public enum LanguageModelPrompt {
    /// At most this many themes are kept of an answer, strongest first.
    public static let maxThemes = 5

    public static func system(themes: [LanguageModelTheme]) -> String {
        let list = themes.map { "- \($0.code): \($0.name)" }.joined(separator: "\n")
        let sentiments = Sentiment.allCases.map(\.rawValue).joined(separator: ", ")
        return """
            You classify one piece of customer feedback to a Finnish wellbeing services county (health and social services). \
            The feedback may be in Finnish, Swedish or English; personal data in it is already replaced by placeholders.
            Themes (answer with their codes only; none, one or several, the strongest first):
            \(list)
            Sentiment: exactly one of \(sentiments) ("mixed" when it both praises and complains).
            Answer with JSON only, no other text: {"themes": ["code", ...], "sentiment": "..."}
            """
    }

    private struct Answer: Decodable {
        var themes: [String]?
        var sentiment: String
    }

    /// The model's answer as a classification, nil when it is not the JSON asked
    /// for. Codes outside `themes` and repeated codes are dropped.
    public static func parse(_ content: String, themes: [String]) -> TextClassification? {
        guard let start = content.firstIndex(of: "{"), let end = content.lastIndex(of: "}"), start < end,
              let answer = try? JSONDecoder().decode(Answer.self, from: Data(content[start...end].utf8)),
              let sentiment = Sentiment(rawValue: answer.sentiment.trimmingCharacters(in: .whitespaces).lowercased()) else { return nil }
        var seen = Set<String>()
        let known = Set(themes)
        let codes = (answer.themes ?? []).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { known.contains($0) && seen.insert($0).inserted }
        return TextClassification(themes: Array(codes.prefix(maxThemes)), sentiment: sentiment)
    }
}
