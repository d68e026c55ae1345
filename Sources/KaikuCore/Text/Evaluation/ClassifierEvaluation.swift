/// Measures `FeedbackClassifier` on the held-out (`test`) part of a labelled set:
/// (a) the lexicons alone, (b) after learning from the set's `train` part, and (c) a new
/// organisation theme learned from exactly `newThemeExamples` corrections.
///
/// Only the `train` items are ever learned from; the `test` items are only classified.
public struct ClassifierEvaluation: Sendable {

    public static let newTheme = "parking"
    public static let newThemeExamples = 20
    /// The names an organisation gives the new theme when it adds it, whose words seed it.
    public static let newThemeNames: [Language: String] = [.fi: "Pysäköinti", .sv: "Parkering", .en: "Parking"]

    public struct Report: Sendable {
        public var trainCount = 0
        public var testCount = 0
        public var lexicons: ClassificationMetrics
        public var learned: ClassificationMetrics
        /// Nil when the set has no train item labelled with the new theme.
        public var newTheme: ClassificationMetrics.ThemeScore?
        /// How many of the 20 corrections carried the new theme.
        public var newThemePositives = 0
        public var trainSeconds = 0.0
        public var classifyMicroseconds = 0.0
        /// Size of the learned classifier stored as JSON.
        public var storedBytes = 0
    }

    public static let defaultThemes = Theme.allCases.map(\.rawValue)

    public static func run(on items: [EvaluationItem], encodedSize: (FeedbackClassifier) -> Int = { _ in 0 }) -> Report {
        let train = items.filter { $0.split == .train }
        let test = items.filter { $0.split == .test }
        let measured = defaultThemes + [newTheme]

        let clock = ContinuousClock()
        let lexicons = FeedbackClassifier.lexiconsOnly(themes: defaultThemes)
        var learned = FeedbackClassifier.lexiconsOnly(themes: defaultThemes)
        let trainTime = clock.measure {
            learned = FeedbackClassifier.train(on: train.map(\.labelled), themes: defaultThemes, base: [])
        }

        var report = Report(lexicons: ClassificationMetrics(themes: measured), learned: ClassificationMetrics(themes: measured))
        report.trainCount = train.count
        report.testCount = test.count
        report.trainSeconds = seconds(trainTime)
        var classifyTime = Duration.zero
        for item in test {
            let expected = TextClassification(themes: item.themes, sentiment: item.sentiment)
            report.lexicons.add(expected: expected, predicted: lexicons.classify(item.text, language: item.language))
            var predicted = expected
            classifyTime += clock.measure { predicted = learned.classify(item.text, language: item.language) }
            report.learned.add(expected: expected, predicted: predicted)
        }
        report.classifyMicroseconds = test.isEmpty ? 0 : seconds(classifyTime) * 1_000_000 / Double(test.count)
        report.storedBytes = encodedSize(learned)

        let corrections = newThemeCorrections(from: train)
        report.newThemePositives = corrections.filter { $0.themes.contains(newTheme) }.count
        if report.newThemePositives > 0 {
            let organisation = FeedbackClassifier.train(
                on: corrections.map(\.labelled), themes: defaultThemes + [newTheme],
                base: train.map { item in
                    var known = item.labelled
                    known.themes = item.themes.filter(defaultThemes.contains)
                    return known
                },
                names: [newTheme: newThemeNames])
            var metrics = ClassificationMetrics(themes: [newTheme])
            for item in test {
                let expected = TextClassification(themes: item.themes, sentiment: item.sentiment)
                metrics.add(expected: expected, predicted: organisation.classify(item.text, language: item.language))
            }
            report.newTheme = metrics.themes[newTheme]
        }
        return report
    }

    /// What a handler would have corrected: up to half of them comments about the new theme
    /// (the ones the classifier got wrong), the rest other comments, alternating languages,
    /// in the set's order so that every run picks the same twenty.
    static func newThemeCorrections(from train: [EvaluationItem]) -> [EvaluationItem] {
        func interleaved(_ items: [EvaluationItem]) -> [EvaluationItem] {
            let byLanguage = Language.allCases.map { language in items.filter { $0.language == language } }
            var result: [EvaluationItem] = []
            var position = 0
            while result.count < items.count {
                for list in byLanguage where position < list.count { result.append(list[position]) }
                position += 1
            }
            return result
        }
        let about = interleaved(train.filter { $0.themes.contains(newTheme) })
        let other = interleaved(train.filter { !$0.themes.contains(newTheme) })
        let positives = Array(about.prefix(newThemeExamples / 2))
        return positives + other.prefix(newThemeExamples - positives.count)
    }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
