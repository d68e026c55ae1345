/// One organisation's classifier of open text: the lexicons, plus what its
/// handlers' corrections taught it. A value, so that each organisation has
/// its own and nothing learned for one reaches another; `Codable`, so that
/// the trained state is stored and shared by every instance of the server.
///
/// FOUNDATION: the learning itself lands with the classifier work of issue
/// 16; until then `train` keeps the examples and `classify` is the lexicons'.
public struct FeedbackClassifier: Sendable, Codable {
    /// The theme codes this classifier may answer with: the defaults and the organisation's own.
    public private(set) var themes: [String]
    /// How many corrected examples it learned from.
    public private(set) var exampleCount: Int

    /// The classifier of an organisation nobody has taught yet: the lexicons alone.
    public static func untrained(themes: [String] = Theme.allCases.map(\.rawValue)) -> FeedbackClassifier {
        FeedbackClassifier(themes: themes, exampleCount: 0)
    }

    /// Learns from scratch from an organisation's corrected answers.
    public static func train(on examples: [LabelledFeedback], themes: [String]) -> FeedbackClassifier {
        FeedbackClassifier(themes: themes, exampleCount: examples.count)
    }

    public func classify(_ text: String, language: Language) -> TextClassification {
        let analysis = TextAnalyser().analyse(text, language: language)
        return TextClassification(themes: analysis.themes.map(\.rawValue), sentiment: analysis.sentiment)
    }
}
