/// One open text with the themes and sentiment a person gave it: what a
/// classifier learns from (handlers' corrections, the evaluation set).
public struct LabelledFeedback: Sendable, Equatable, Codable {
    public var text: String
    public var language: Language
    public var themes: [String]
    public var sentiment: Sentiment

    public init(text: String, language: Language, themes: [String], sentiment: Sentiment) {
        self.text = text
        self.language = language
        self.themes = themes
        self.sentiment = sentiment
    }
}
