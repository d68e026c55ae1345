/// What gave an answer its themes and sentiment, as stored in `classified_with`.
public enum ClassificationSource: String, Sendable, Codable, CaseIterable {
    /// The built-in keyword lexicons alone (an organisation nobody has taught yet).
    case lexicon
    /// The organisation's classifier, learned from its handlers' corrections.
    case learned
    /// The optional external language model.
    case languageModel = "language-model"
    /// A handler's correction; never relabelled by a machine.
    case person
}
