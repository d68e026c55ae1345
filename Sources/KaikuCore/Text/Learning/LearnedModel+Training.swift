import Foundation

extension LearnedModel {

    /// One example as the trainer sees it.
    struct Example: Sendable {
        let vector: FeedbackFeatures.Vector
        let themes: Set<String>
        /// The themes its labeller chose from: the built-in examples know only the seven
        /// defaults, so they say nothing (not even "no") about an organisation's own theme.
        let knownThemes: Set<String>
        let sentiment: Sentiment
    }

    struct Settings: Sendable {
        /// Passes over the examples: `epochs` for a few hundred, fewer for thousands (they
        /// need fewer passes to converge), so that 2,000 corrections still train in a second.
        var epochs = 12
        var minimumEpochs = 3
        var examplePasses = 6_000
        var smallestGradient: Float = 0.01
        var learningRate: Float = 0.25
        /// Pull towards the prior per update; higher trusts the lexicons longer.
        var regularisation: Float = 0.002
        /// A feature seen in fewer examples is dropped: too rare to have learned anything
        /// general, and it would only inflate the stored state.
        var minimumDocuments = 2
        /// Positive examples of a theme weigh this much more than negative ones: most
        /// comments are not about any given theme, and a missed theme costs more than a
        /// doubtful extra one.
        var positiveWeight: Float = 2.5
        /// The same for an organisation's own theme, taught by a handful of corrections that
        /// hold about as many "yes" as "no": weighing its "yes" more only adds false alarms.
        var ownThemePositiveWeight: Float = 1
        /// An example that does not know a theme (a built-in one, for an organisation's own
        /// theme) counts as a faint "no": most comments are about something else, and with
        /// only a handful of corrections the few "no"s among them cannot tell the model what
        /// the theme is not. Faint, because some of them may well be about it.
        var unlabelledWeight: Float = 0.005
        /// How far each default theme's examples are evened out (`balancedPositiveWeights`):
        /// 0 leaves them as counted, 1 weighs every theme's "yes" as a whole as much as another's.
        var themeBalance: Float = 1
        /// Share of the naive-Bayes ratio in a text feature's scale per default theme
        /// (`naiveBayesScales`); 0 turns the scaling off.
        var naiveBayesMix: Float = 0.7
        /// Added to every count of the naive-Bayes ratio, so that a feature never seen with a theme is not "never".
        var naiveBayesSmoothing: Float = 1
    }

    /// Trains with AdaGrad (per-weight step sizes: rare n-grams get larger steps than the
    /// bias), a fixed number of passes in a fixed pseudo-random order, so that the same
    /// examples always give the same model.
    static func train(on examples: [Example], themes: [String], settings: Settings = Settings()) -> LearnedModel {
        var documents: [UInt32: Int] = [:]
        for example in examples {
            for hash in example.vector.hashes { documents[hash, default: 0] += 1 }
        }
        var rows: [UInt32: Int] = [:]
        var hashes: [UInt32] = []
        let reserved = FeedbackFeatures.reserved(for: themes)
        for hash in reserved.sorted() { rows[hash] = hashes.count; hashes.append(hash) }
        for (hash, count) in documents.sorted(by: { $0.key < $1.key })
        where count >= settings.minimumDocuments && rows[hash] == nil {
            rows[hash] = hashes.count
            hashes.append(hash)
        }

        let columns = themes.count + sentiments.count
        var prior = [Float](repeating: 0, count: hashes.count * columns)
        for (row, hash) in hashes.enumerated() where reserved.contains(hash) {
            for column in 0..<columns { prior[row * columns + column] = Self.prior(hash: hash, column: column, themes: themes) }
        }
        var weights = prior
        // The regression learns `weights` over features scaled by `scales`; what it stores (and
        // `scores` reads) is their product, so a stored model is read as before.
        let scales = naiveBayesScales(examples: examples, rows: rows, hashes: hashes, themes: themes, settings: settings)
        var squares = [Float](repeating: 1e-6, count: weights.count)

        let compact: [(rows: [Int], values: [Float])] = examples.map { example in
            var indices: [Int] = []
            var values: [Float] = []
            for (hash, value) in zip(example.vector.hashes, example.vector.values) {
                guard let row = rows[hash] else { continue }
                indices.append(row)
                values.append(value)
            }
            return (indices, values)
        }
        let known: [[Bool]] = examples.map { example in themes.map { example.knownThemes.contains($0) } }
        let targets: [[Bool]] = examples.map { example in themes.map { example.themes.contains($0) } }
        let isDefault = themes.map { Theme(rawValue: $0) != nil }
        let positiveWeights = balancedPositiveWeights(targets: targets, known: known, isDefault: isDefault, settings: settings)
        let sentimentTargets = examples.map { sentiments.firstIndex(of: $0.sentiment) ?? 1 }

        var order = Array(examples.indices)
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        var sums = [Float](repeating: 0, count: columns)
        var gradients = [Float](repeating: 0, count: columns)
        let epochs = max(settings.minimumEpochs, min(settings.epochs, settings.examplePasses / max(examples.count, 1)))
        for _ in 0..<epochs {
            for index in stride(from: order.count - 1, to: 0, by: -1) {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                order.swapAt(index, Int(seed >> 33) % (index + 1))
            }
            for index in order {
                let example = compact[index]
                for column in 0..<columns { sums[column] = 0 }
                for (row, value) in zip(example.rows, example.values) {
                    let base = row * columns
                    for column in 0..<columns { sums[column] += weights[base + column] * scales[base + column] * value }
                }
                for column in 0..<themes.count {
                    let target: Float = targets[index][column] ? 1 : 0
                    let scale = !known[index][column] ? settings.unlabelledWeight
                        : !targets[index][column] ? 1
                        : positiveWeights[column]
                    let error = sigmoid(sums[column]) - target
                    gradients[column] = abs(error) < settings.smallestGradient ? 0 : error * scale
                }
                let probabilities = softmax(Array(sums[themes.count...]))
                for (offset, probability) in probabilities.enumerated() {
                    let error = probability - (offset == sentimentTargets[index] ? 1 : 0)
                    gradients[themes.count + offset] = abs(error) < settings.smallestGradient ? 0 : error
                }
                // An example the model already gets right moves nothing: skipping its
                // near-zero gradients makes the later passes several times cheaper.
                for column in 0..<columns where gradients[column] != 0 {
                    let error = gradients[column]
                    // AdaGrad divides each step by the gradients' size so far, which would make a
                    // faint "no" (an example that does not know an own theme) step as far as a
                    // real one: its size is accumulated as if it were full, so its steps stay faint.
                    let faint = column < themes.count && !known[index][column]
                    for (row, value) in zip(example.rows, example.values) {
                        let cell = row * columns + column
                        let gradient = error * value * scales[cell] + settings.regularisation * (weights[cell] - prior[cell])
                        let full = faint ? gradient / settings.unlabelledWeight : gradient
                        squares[cell] += full * full
                        weights[cell] -= settings.learningRate * gradient / squares[cell].squareRoot()
                    }
                }
            }
        }
        for cell in weights.indices { weights[cell] *= scales[cell] }
        return pruned(hashes: hashes, weights: weights, themes: themes)
    }

    /// Drops rows whose every weight rounds to zero, and quantises the rest.
    private static func pruned(hashes: [UInt32], weights: [Float], themes: [String]) -> LearnedModel {
        let columns = themes.count + sentiments.count
        let reserved = FeedbackFeatures.reserved(for: themes)
        var rows: [UInt32: Int] = [:]
        var kept: [Float] = []
        for (row, hash) in hashes.enumerated() {
            let cells = weights[(row * columns)..<((row + 1) * columns)].map { ($0 / quantum).rounded() * quantum }
            guard reserved.contains(hash) || cells.contains(where: { abs($0) >= 2 * quantum })
            else { continue }
            rows[hash] = rows.count
            kept += cells
        }
        return LearnedModel(themes: themes, rows: rows, weights: kept)
    }
}
