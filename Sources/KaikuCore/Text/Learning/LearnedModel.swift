import Foundation

/// The learned part of a `FeedbackClassifier`: one logistic regression per theme (a comment
/// can have several themes, so each theme is its own yes/no question) and one four-way
/// softmax regression for the sentiment, all over the same hashed features.
///
/// Logistic regression rather than naive Bayes because the features overlap heavily (a word,
/// its stem and its n-grams say the same thing several times, which naive Bayes counts as
/// independent evidence) and because it can weigh the few strong lexicon features against
/// thousands of weak ones. For the default themes the text features enter scaled by their
/// naive-Bayes ratio (NBSVM, `naiveBayesScales`), and each theme's examples weigh evenly
/// (`balancedPositiveWeights`); the stored weights already include the scaling.
///
/// Learning starts from the lexicons: every weight is pulled (L2) towards a `prior` in which
/// only the lexicons' signals count. With few examples the lexicons therefore decide; each
/// correction moves the weights away from them, so the more corrections, the more the learned
/// part counts. A theme no lexicon knows (an organisation's own) starts from "never".
struct LearnedModel: Sendable, Equatable {

    static let sentiments: [Sentiment] = [.positive, .neutral, .negative, .mixed]

    /// Output columns: the themes in order, then the four sentiments.
    let themes: [String]
    /// Feature hash → row in `weights`.
    private(set) var rows: [UInt32: Int]
    /// Row-major: `rows.count × columns`, quantised to `quantum` so that a stored model
    /// classifies exactly as the one that was trained.
    private(set) var weights: [Float]

    var columns: Int { themes.count + Self.sentiments.count }

    static let quantum: Float = 1.0 / 256

    /// Starting weights of the `FeedbackCues` features on their own theme or sentiment: a
    /// nudge, weaker than a lexicon match, that the examples confirm or undo.
    static let cuePrior: Float = 1.0, tonePrior: Float = 1.0
    /// Starting weight of an own theme's name seed: against its bias of -3, a comment that
    /// names the theme starts at about p = 0.6, above the threshold, until corrections say otherwise.
    /// 3.4 was best in cross-validation on the train part (F1 of the new theme 0.90 against 0.70 with no seed prior).
    static let seedPrior: Float = 3.4

    /// Scores of one text: per theme the probability, per sentiment the softmax probability.
    func scores(of vector: FeedbackFeatures.Vector) -> (themes: [Float], sentiment: [Float]) {
        var sums = [Float](repeating: 0, count: columns)
        for (hash, value) in zip(vector.hashes, vector.values) {
            guard let row = rows[hash] else { continue }
            let base = row * columns
            for column in 0..<columns { sums[column] += weights[base + column] * value }
        }
        let themeScores = sums[0..<themes.count].map(Self.sigmoid)
        return (themeScores, Self.softmax(Array(sums[themes.count...])))
    }

    init(themes: [String], rows: [UInt32: Int], weights: [Float]) {
        self.themes = themes
        self.rows = rows
        self.weights = weights
    }

    static func sigmoid(_ value: Float) -> Float { 1 / (1 + exp(-value)) }

    static func softmax(_ values: [Float]) -> [Float] {
        let top = values.max() ?? 0
        let exps = values.map { exp($0 - top) }
        let total = exps.reduce(0, +)
        return exps.map { $0 / total }
    }

    /// The weights before any example: the lexicons' judgement expressed as a linear model.
    /// A default theme is likely (p ≈ 0.8) with one lexicon match and unlikely (p ≈ 0.2)
    /// without; the sentiment follows the lexicon balance, and both polarities suggest mixed.
    static func prior(hash: UInt32, column: Int, themes: [String]) -> Float {
        if column < themes.count {
            let code = themes[column]
            guard let theme = Theme(rawValue: code) else {
                return hash == FeedbackFeatures.bias ? -3 : hash == FeedbackFeatures.ownThemeSignal(code) ? seedPrior : 0
            }
            if hash == FeedbackFeatures.bias { return -1.4 }
            if hash == FeedbackFeatures.themeSignal(theme) { return 2.8 }
            if hash == FeedbackFeatures.cueSignal(theme) { return cuePrior }
            return 0
        }
        switch (sentiments[column - themes.count], hash) {
        case (.positive, FeedbackFeatures.positiveBalance),
             (.negative, FeedbackFeatures.negativeBalance),
             (.neutral, FeedbackFeatures.neutralBalance): return 1.5
        case (.mixed, FeedbackFeatures.bothPolarities),
             (.mixed, FeedbackFeatures.praiseThenComplaint),
             (.mixed, FeedbackFeatures.complaintThenPraise): return 1.8
        case (.mixed, FeedbackFeatures.bias): return -0.8
        case (.positive, FeedbackFeatures.toneSignal(.positive)),
             (.neutral, FeedbackFeatures.toneSignal(.neutral)),
             (.negative, FeedbackFeatures.toneSignal(.negative)): return tonePrior
        default: return 0
        }
    }
}
