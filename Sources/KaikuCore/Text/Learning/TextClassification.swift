/// Themes and sentiment of one open text, the themes as codes: the seven
/// defaults' raw values (`Theme`) or an organisation's own codes.
public struct TextClassification: Sendable, Equatable, Codable {
    /// Strongest first.
    public var themes: [String]
    public var sentiment: Sentiment

    public init(themes: [String], sentiment: Sentiment) {
        self.themes = themes
        self.sentiment = sentiment
    }
}
