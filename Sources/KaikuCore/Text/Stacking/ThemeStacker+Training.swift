import Foundation

extension ThemeStacker {

    /// How the stored second stage was trained, as chosen by nested cross-validation on the
    /// `train` part (step 6 of BENCHMARKS.md: the same candidate in all five outer folds).
    struct Settings: Sendable {
        /// Folds of the first stage whose out-of-fold outputs the second stage learns from.
        var folds = 5
        /// L2 pull towards "stage 1 alone": weaker lets the other inputs speak.
        var regularisation = 1.0
        /// A "yes" of a theme weighs this much more than a "no" (on top of the example's copies).
        var positiveWeight = 1.5
    }

    /// Learns the second stage from `examples` (the built-in ones in the product): the first stage
    /// is trained `folds` times, each time without one fold, and scores that fold, so that the
    /// second stage learns from outputs on comments the first stage never saw, as in use. Each
    /// example counts as in the first stage (`copies`). Deterministic: folds by a hash of the text.
    static func train(on examples: [LabelledFeedback], knowledge: String = FeedbackClassifier.currentKnowledge,
                      firstStage: LearnedModel.Settings = LearnedModel.Settings(),
                      settings: Settings = Settings()) -> ThemeStacker {
        let defaults = Theme.allCases.map(\.rawValue)
        let folds = max(settings.folds, 2)
        let foldOf = examples.map { fold(of: $0.text, folds: folds) }
        var evidence = [StageOneEvidence?](repeating: nil, count: examples.count)
        for held in 0..<folds {
            let learn = examples.indices.filter { foldOf[$0] != held }.map { examples[$0] }
            let classifier = FeedbackClassifier.train(on: learn, themes: defaults, base: [], settings: firstStage)
            for index in examples.indices where foldOf[index] == held {
                evidence[index] = classifier.evidence(examples[index].text, language: examples[index].language)
            }
        }
        let rows = examples.indices.filter { evidence[$0] != nil }
        let weights = defaults.indices.map { theme -> [Double] in
            guard !rows.isEmpty else { return stageOneAlone(theme: theme) }
            let x = rows.map { inputs(evidence[$0]!, theme: theme) }
            let y = rows.map { examples[$0].themes.contains(defaults[theme]) }
            let w = rows.indices.map { Double(examples[rows[$0]].copies) * (y[$0] ? settings.positiveWeight : 1) }
            return fit(x, y, w, prior: stageOneAlone(theme: theme), regularisation: settings.regularisation)
        }
        return ThemeStacker(knowledge: knowledge, weights: weights)
    }

    /// Weight 1 on the theme's own first-stage logit, 0 elsewhere: gives back the first stage's probability.
    static func stageOneAlone(theme: Int) -> [Double] {
        var weights = [Double](repeating: 0, count: inputCount)
        weights[ownLogit + theme] = 1
        return weights
    }

    /// The fold of an example, by an FNV-1a hash of its text (not its position), so that adding
    /// examples leaves the others' folds as they were.
    static func fold(of text: String, folds: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int((hash ^ (hash >> 29)) % UInt64(folds))
    }
}
