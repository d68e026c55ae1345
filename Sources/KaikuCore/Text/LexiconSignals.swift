/// What the lexicons found in one text (`TextAnalyser.signals`): the sums behind the
/// lexicon's own verdict, kept apart so that a learned model can weigh them.
struct LexiconSignals: Sendable {
    /// Matches per theme, a match in another language than the text's counting half.
    var themeScores: [Theme: Double] = [:]
    /// Positive and negative weight after negation (both ≥ 0), and the thanking words'.
    var positive = 0.0
    var negative = 0.0
    var courtesy = 0.0
    /// Sentiment words a negation flipped ("ei ollut epäselvää").
    var negated = 0
    /// The lexicon's verdict: above 0 positive, below negative.
    var balance = 0.0
    /// Each sentiment match's first token and weighted polarity, in text order.
    var tones: [(token: Int, polarity: Double)] = []
    var textLanguage: Language = .fi
    var negations: Set<String> = []
}
