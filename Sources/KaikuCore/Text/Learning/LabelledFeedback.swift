/// One open text with the themes and sentiment a person gave it: what a
/// classifier learns from (handlers' corrections, the evaluation set).
public struct LabelledFeedback: Sendable, Equatable, Codable {
    public var text: String
    public var language: Language
    public var themes: [String]
    public var sentiment: Sentiment
    /// How many times training counts this example; nil is once. The built-in examples written
    /// by the reference labeller (whose convention the held-out part follows) count twice.
    public var weight: Int?

    public init(text: String, language: Language, themes: [String], sentiment: Sentiment, weight: Int? = nil) {
        self.text = text
        self.language = language
        self.themes = themes
        self.sentiment = sentiment
        self.weight = weight
    }

    /// `weight` as a count of copies, kept between 1 and 10 so that a stray value in a
    /// labelled file can neither drop an example nor swamp the others.
    var copies: Int { min(max(weight ?? 1, 1), 10) }
}
