import Foundation

/// What the first stage (`LearnedModel`, one regression per theme) says about one comment, as
/// the second stage (`ThemeStacker`) reads it: the seven default themes' probabilities for the
/// whole comment and for each of its clauses, and the sentiment probabilities.
struct StageOneEvidence: Sendable {
    /// The default themes' probabilities, in `Theme.allCases` order.
    var themes: [Float]
    /// positive, neutral, negative, mixed (`LearnedModel.sentiments`).
    var sentiment: [Float]
    /// Per clause (`FeedbackClauses`), the default themes' probabilities; the whole comment's
    /// alone when it has one clause, which it would score the same.
    var clauses: [[Float]]
    var clauseCount: Int
    var tokenCount: Int
    var language: Language

    /// Columns of the default themes in a model's output, nil when the model lacks one of them
    /// (a second stage then has nothing to read; see `FeedbackClassifier.scores`).
    static func defaultColumns(of model: LearnedModel) -> [Int]? {
        var columns: [Int] = []
        for theme in Theme.allCases {
            guard let column = model.themes.firstIndex(of: theme.rawValue) else { return nil }
            columns.append(column)
        }
        return columns
    }

    /// Scores every clause with `model`; `whole` is the comment's own scores, already computed.
    init(text: String, language: Language, whole: (themes: [Float], sentiment: [Float]), columns: [Int],
         score: (String) -> (themes: [Float], sentiment: [Float])) {
        let split = FeedbackClauses.split(text)
        themes = columns.map { whole.themes[$0] }
        sentiment = whole.sentiment
        clauses = split.count > 1 ? split.map { clause in
            let scores = score(clause).themes
            return columns.map { scores[$0] }
        } : [themes]
        clauseCount = split.count
        tokenCount = FeedbackTokenizer.tokens(in: text).count
        self.language = language
    }
}
