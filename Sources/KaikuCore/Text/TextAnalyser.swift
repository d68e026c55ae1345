/// Assigns themes and a sentiment to one open-text feedback answer in Finnish, Swedish or
/// English, with keyword stems (`ThemeLexicon`, `SentimentLexicon`) rather than a model:
/// the result must be explainable to the county staff who read the reports, and the
/// analysis has to run inline when an answer is stored.
///
/// All three languages' lexicons are consulted, because customers often answer in another
/// language than the form's. The language the text turns out to be written in (usually the
/// form's, see `FeedbackLanguageGuesser`) counts in full, the others with
/// `otherLanguageWeight`, so that a Finnish word that happens to begin like an English stem
/// does not add a theme on its own.
public struct TextAnalyser: Sendable {

    public static let maximumThemes = 3
    /// A theme needs this score: one match in the text's own language, or two in another.
    public static let themeThreshold = 1.0
    public static let otherLanguageWeight = 0.5
    /// A negation reaches this many words forward (not counting intensifiers, see
    /// `SentimentLexicon.intensifiers`) and never across punctuation; a postposed one
    /// (Swedish "fungerade inte") only the word right before it.
    public static let negationReach = 2

    // Built once per process, on first use; both are immutable and shared by all instances.
    private static let themeIndex = StemIndex<Theme>(ThemeLexicon.allEntries)
    private static let sentimentIndex = StemIndex<Double>(SentimentLexicon.allEntries)

    public init() {}

    public func analyse(_ text: String, language: Language) -> TextAnalysis {
        let signals = signals(in: FeedbackTokenizer.tokens(in: text), language: language)
        return TextAnalysis(themes: Self.rank(signals.themeScores), sentiment: Self.sentiment(of: signals.balance))
    }

    /// What the lexicons see in a tokenised text; `FeedbackClassifier` uses the same signals
    /// as features of its learned models, so that learning starts from what the lexicons know.
    func signals(in tokens: [FeedbackToken], language: Language) -> LexiconSignals {
        var signals = LexiconSignals()
        guard !tokens.isEmpty else { return signals }

        let themeMatches = Self.themeIndex.matches(in: tokens)
        let sentimentMatches = Self.sentimentIndex.matches(in: tokens)

        var lexiconHits: [Language: Int] = [:]
        for match in themeMatches { lexiconHits[match.entry.language, default: 0] += 1 }
        for match in sentimentMatches { lexiconHits[match.entry.language, default: 0] += 1 }
        let textLanguage = FeedbackLanguageGuesser.textLanguage(
            of: tokens, lexiconHits: lexiconHits, formLanguage: language)
        let negations = SentimentLexicon.negations(forTextIn: textLanguage)
        signals.textLanguage = textLanguage
        signals.negations = negations

        func weight(_ entryLanguage: Language) -> Double {
            entryLanguage == textLanguage ? 1 : Self.otherLanguageWeight
        }
        func isNegated<Payload>(_ match: StemIndex<Payload>.Match) -> Bool {
            Self.isNegated(
                tokenRange: match.tokenIndex..<(match.tokenIndex + match.tokenCount),
                in: tokens, negations: negations)
        }

        for match in themeMatches {
            // Praise that is negated ("en ollut tyytyväinen") is not thanks.
            if match.entry.payload == .thanks, isNegated(match) { continue }
            signals.themeScores[match.entry.payload, default: 0] += weight(match.entry.language)
        }

        for match in sentimentMatches {
            let negated = isNegated(match)
            let polarity = negated ? -match.entry.payload : match.entry.payload
            let weighted = polarity * weight(match.entry.language)
            signals.balance += weighted
            signals.tones.append((match.tokenIndex, weighted))
            if match.entry.payload == SentimentLexicon.courtesyWeight {
                signals.courtesy += weighted
            } else if weighted > 0 {
                signals.positive += weighted
            } else if weighted < 0 {
                signals.negative -= weighted
            }
            if negated, match.entry.payload != 0 { signals.negated += 1 }
        }
        return signals
    }

    /// Strongest first; equal scores keep the order of `Theme.allCases`.
    private static func rank(_ scores: [Theme: Double]) -> [Theme] {
        let scored = Theme.allCases.enumerated().compactMap {
            position, theme -> (position: Int, theme: Theme, score: Double)? in
            guard let score = scores[theme], score >= themeThreshold else { return nil }
            return (position, theme, score)
        }
        return scored
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.position < $1.position }
            .prefix(maximumThemes)
            .map(\.theme)
    }

    private static func sentiment(of balance: Double) -> Sentiment {
        if balance > 0 { return .positive }
        if balance < 0 { return .negative }
        return .neutral
    }

    /// Whether one of the `negationReach` words before the match, or a postposed negation
    /// right after it, negates it; never across a clause boundary.
    static func isNegated(
        tokenRange: Range<Int>, in tokens: [FeedbackToken], negations: Set<String>
    ) -> Bool {
        let clause = tokens[tokenRange.lowerBound].clause
        if tokenRange.upperBound < tokens.count, tokens[tokenRange.upperBound].clause == clause,
           SentimentLexicon.postposedNegations.contains(tokens[tokenRange.upperBound].text) {
            return true
        }
        var counted = 0
        var position = tokenRange.lowerBound - 1
        while position >= 0, counted < negationReach, tokens[position].clause == clause {
            let word = tokens[position].text
            if negations.contains(word) { return true }
            if !SentimentLexicon.intensifiers.contains(word) { counted += 1 }
            position -= 1
        }
        return false
    }
}
