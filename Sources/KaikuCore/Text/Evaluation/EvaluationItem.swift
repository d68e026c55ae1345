import Foundation

/// One hand-labelled comment of an evaluation set (`Evaluation/open-text-*.jsonl`, one JSON
/// object a line; the labelling guide is in `Evaluation/README.md`).
public struct EvaluationItem: Sendable, Equatable, Codable {
    public enum Split: String, Sendable, Codable { case train, test }

    public var id: String
    public var split: Split
    public var language: Language
    public var text: String
    public var themes: [String]
    public var sentiment: Sentiment
    /// How many times training counts the item (`LabelledFeedback.weight`); nil is once.
    public var weight: Int?

    public init(id: String, split: Split, language: Language, text: String, themes: [String], sentiment: Sentiment,
                weight: Int? = nil) {
        self.id = id
        self.split = split
        self.language = language
        self.text = text
        self.themes = themes
        self.sentiment = sentiment
        self.weight = weight
    }

    public var labelled: LabelledFeedback {
        LabelledFeedback(text: text, language: language, themes: themes, sentiment: sentiment, weight: weight)
    }

    public struct LineError: Error, Equatable, CustomStringConvertible {
        public let line: Int
        public var description: String { "Line \(line) is not an evaluation item (id, split, language, text, themes, sentiment)." }
    }

    /// Parses JSON Lines; blank lines are skipped, anything else that does not decode is an error.
    public static func parse(jsonLines text: String) throws -> [EvaluationItem] {
        let decoder = JSONDecoder()
        var items: [EvaluationItem] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            guard let item = try? decoder.decode(EvaluationItem.self, from: Data(line.utf8)) else {
                throw LineError(line: index + 1)
            }
            items.append(item)
        }
        return items
    }
}
