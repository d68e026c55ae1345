import KaikuCore

extension FeedbackClassifier {
    /// What `classified_with` says of an answer this classifier labelled.
    public var source: ClassificationSource {
        exampleCount > 0 ? .learned : .lexicon
    }
}
