import Foundation

/// The two stages together: the organisation's first stage (`LearnedModel`) scores every theme,
/// then the shared second stage (`ThemeStacker`) re-scores the seven default themes from the
/// first stage's outputs. An own theme keeps the first stage's probability: the second stage
/// was trained on the built-in examples, which know nothing of it.
extension FeedbackClassifier {

    /// The probabilities `classify` decodes: per theme of `model.themes`, and the sentiment
    /// (the first stage's; the second stage only re-scores themes). Nil for the lexicons alone.
    func scores(_ text: String, language: Language, stacker: ThemeStacker? = ThemeStacker.current)
        -> (themes: [Float], sentiment: [Float])? {
        guard let model else { return nil }
        let whole = model.scores(of: FeedbackFeatures.vector(for: text, language: language, seeds: seeds))
        guard let stacker, let columns = StageOneEvidence.defaultColumns(of: model) else { return whole }
        let evidence = StageOneEvidence(text: text, language: language, whole: whole, columns: columns) { clause in
            model.scores(of: FeedbackFeatures.vector(for: clause, language: language, seeds: seeds))
        }
        var themes = whole.themes
        for (column, probability) in zip(columns, stacker.probabilities(evidence)) { themes[column] = probability }
        return (themes, whole.sentiment)
    }

    /// What the first stage says about `text`, as the second stage reads it; nil for the
    /// lexicons alone or a model without the default themes.
    func evidence(_ text: String, language: Language) -> StageOneEvidence? {
        guard let model, let columns = StageOneEvidence.defaultColumns(of: model) else { return nil }
        let whole = model.scores(of: FeedbackFeatures.vector(for: text, language: language, seeds: seeds))
        return StageOneEvidence(text: text, language: language, whole: whole, columns: columns) { clause in
            model.scores(of: FeedbackFeatures.vector(for: clause, language: language, seeds: seeds))
        }
    }
}
