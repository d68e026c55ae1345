import Foundation

/// The second stage of the default themes: per theme a small logistic regression over what the
/// first stage said about the comment as a whole and clause by clause (`StageOneEvidence`).
/// The first stage judges each theme alone; this one sees the others too and where in the
/// comment each theme is strongest, which tells the main topic from a passing remark
/// (cross-validated on the `train` part, step 6 of BENCHMARKS.md: macro-F1 on the reference
/// comments 0.836 → 0.848).
///
/// Trained once, offline, on the built-in examples (`scripts/generate-stage2-weights.sh` writes
/// `ThemeStacker+Stored.swift`) and the same for every organisation: an organisation's
/// corrections keep teaching its first stage, whose outputs this reads, and its own themes keep
/// the first stage's decision.
struct ThemeStacker: Sendable, Equatable {
    /// `FeedbackClassifier.currentKnowledge` of the build whose examples and features trained it.
    let knowledge: String
    /// Per default theme (`Theme.allCases` order), one weight per input of `inputs(_:theme:)`.
    let weights: [[Double]]

    /// The length of `inputs(_:theme:)`.
    static let inputCount = 22
    /// Position of the theme's own first-stage logit among the inputs, after the constant:
    /// a model with weight 1 there and 0 elsewhere is "stage 1 alone".
    static let ownLogit = 1

    /// The stored weights, when they were made from this build's features and built-in
    /// examples; otherwise nil and the first stage decides alone (`ThemeStackerFreshnessTests`
    /// fails before such a build is released).
    static let current: ThemeStacker? = stored.knowledge == FeedbackClassifier.currentKnowledge
        && stored.weights.count == Theme.allCases.count && stored.weights.allSatisfy { $0.count == inputCount } ? stored : nil

    /// The default themes' probabilities after the second stage, in `Theme.allCases` order.
    func probabilities(_ evidence: StageOneEvidence) -> [Float] {
        weights.indices.map { theme in
            let z = Self.inputs(evidence, theme: theme)
            var sum = 0.0
            for (weight, input) in zip(weights[theme], z) { sum += weight * Double(input) }
            return Float(1 / (1 + exp(-sum)))
        }
    }

    /// The inputs of `theme`'s regression: a constant, every default theme's logit, the
    /// sentiment, length in tokens and clauses, language, the theme's margin over the strongest
    /// other, and the clause features (its strongest clause, its share of the clauses it tops,
    /// whether it tops the first clause, its probability there). The order is the stored weights'.
    static func inputs(_ evidence: StageOneEvidence, theme: Int) -> [Float] {
        let logits = evidence.themes.map(logit)
        var z: [Float] = [1] + logits + evidence.sentiment
        z += [log(1 + Float(evidence.tokenCount)), log(Float(max(evidence.clauseCount, 1)))]
        z += [evidence.language == .fi ? 1 : 0, evidence.language == .sv ? 1 : 0]
        let others = logits.indices.filter { $0 != theme }.map { logits[$0] }.max() ?? 0
        z += [logits[theme] - others, logits[theme] >= others ? 1 : 0]
        let tops = evidence.clauses.map { clause in clause.indices.max { clause[$0] < clause[$1] } ?? 0 }
        let strongest = evidence.clauses.map { $0[theme] }.max() ?? evidence.themes[theme]
        let first = evidence.clauses.first?[theme] ?? evidence.themes[theme]
        z += [logit(strongest), Float(tops.filter { $0 == theme }.count) / Float(max(tops.count, 1)),
              tops.first == theme ? 1 : 0, logit(first)]
        return z
    }

    /// Clamped so that a certain first stage gives a large input, not an infinite one.
    static func logit(_ p: Float) -> Float {
        let q = min(max(Double(p), 1e-4), 1 - 1e-4)
        return Float(log(q / (1 - q)))
    }
}
