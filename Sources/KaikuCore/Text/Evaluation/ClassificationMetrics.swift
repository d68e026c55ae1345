/// Precision, recall and F1 per theme and the sentiment's accuracy and confusion, from
/// pairs of what a person labelled and what a classifier said.
public struct ClassificationMetrics: Sendable, Equatable {

    public struct ThemeScore: Sendable, Equatable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0

        /// A theme nobody labelled and the classifier never gave scores 1: nothing was
        /// missed and nothing invented. Otherwise the usual ratios, 0 when undefined.
        public var precision: Double {
            if truePositives + falsePositives == 0 { return falseNegatives == 0 ? 1 : 0 }
            return Double(truePositives) / Double(truePositives + falsePositives)
        }
        public var recall: Double {
            if truePositives + falseNegatives == 0 { return falsePositives == 0 ? 1 : 0 }
            return Double(truePositives) / Double(truePositives + falseNegatives)
        }
        public var f1: Double {
            let sum = precision + recall
            return sum == 0 ? 0 : 2 * precision * recall / sum
        }
        /// How many comments a person labelled with the theme.
        public var support: Int { truePositives + falseNegatives }
    }

    public private(set) var themes: [String: ThemeScore] = [:]
    /// `confusion[expected][predicted]`, indexed by `Sentiment.allCases`.
    public private(set) var confusion: [[Int]] = Array(
        repeating: Array(repeating: 0, count: Sentiment.allCases.count), count: Sentiment.allCases.count)
    public private(set) var count = 0

    public init(themes codes: [String]) {
        for code in codes { themes[code] = ThemeScore() }
    }

    /// Counts one comment; themes outside the ones measured are ignored.
    public mutating func add(expected: TextClassification, predicted: TextClassification) {
        count += 1
        let wanted = Set(expected.themes), given = Set(predicted.themes)
        for code in themes.keys {
            switch (wanted.contains(code), given.contains(code)) {
            case (true, true): themes[code]?.truePositives += 1
            case (false, true): themes[code]?.falsePositives += 1
            case (true, false): themes[code]?.falseNegatives += 1
            case (false, false): break
            }
        }
        if let row = Sentiment.allCases.firstIndex(of: expected.sentiment),
           let column = Sentiment.allCases.firstIndex(of: predicted.sentiment) {
            confusion[row][column] += 1
        }
    }

    /// The unweighted mean of the F1 of `codes`: every theme counts the same, however rare.
    public func macroF1(over codes: [String]) -> Double {
        let scores = codes.compactMap { themes[$0]?.f1 }
        return scores.isEmpty ? 0 : scores.reduce(0, +) / Double(scores.count)
    }

    public var sentimentAccuracy: Double {
        guard count > 0 else { return 0 }
        let right = Sentiment.allCases.indices.reduce(0) { $0 + confusion[$1][$1] }
        return Double(right) / Double(count)
    }
}
