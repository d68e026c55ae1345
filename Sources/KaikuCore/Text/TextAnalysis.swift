/// What `TextAnalyser` found in one open-text feedback answer.
public struct TextAnalysis: Sendable, Equatable {
    /// Strongest first, at most three; empty when nothing in the text points to a theme.
    public var themes: [Theme]
    public var sentiment: Sentiment

    public init(themes: [Theme], sentiment: Sentiment) {
        self.themes = themes
        self.sentiment = sentiment
    }
}
