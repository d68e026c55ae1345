/// The overall tone of one open-text feedback answer.
public enum Sentiment: String, Sendable, Codable, CaseIterable {
    case positive, neutral, negative
}
