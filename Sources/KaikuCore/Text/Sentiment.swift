/// The overall tone of one open-text feedback answer: `mixed` when it both
/// praises and complains ("the nurse was lovely but I waited three hours").
public enum Sentiment: String, Sendable, Codable, CaseIterable {
    case positive, neutral, negative, mixed
}
