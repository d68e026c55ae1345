import Foundation

extension ClassifierEvaluation.Report {

    /// The figures as Markdown tables, as BENCHMARKS.md records them.
    public var markdown: String {
        var lines: [String] = []
        lines.append("Held-out (test) comments: \(testCount); learned from (train): \(trainCount).")
        lines.append("")
        lines.append("| theme | support | (a) lexicons P / R / F1 | (b) learned P / R / F1 |")
        lines.append("|---|---:|---|---|")
        for code in ClassifierEvaluation.defaultThemes {
            guard let before = lexicons.themes[code], let after = learned.themes[code] else { continue }
            lines.append("| \(code) | \(after.support) | \(Self.triple(before)) | \(Self.triple(after)) |")
        }
        let themes = ClassifierEvaluation.defaultThemes
        lines.append("| **macro-F1 (seven defaults)** | | **\(Self.figure(lexicons.macroF1(over: themes)))** | **\(Self.figure(learned.macroF1(over: themes)))** |")
        lines.append("| **sentiment accuracy** | \(learned.count) | **\(Self.figure(lexicons.sentimentAccuracy))** | **\(Self.figure(learned.sentimentAccuracy))** |")
        lines.append("")
        lines.append("Sentiment confusion after learning (rows: labelled, columns: given):")
        lines.append("")
        let names = Sentiment.allCases.map(\.rawValue)
        lines.append("| | " + names.joined(separator: " | ") + " |")
        lines.append("|---|" + String(repeating: "---:|", count: names.count))
        for (row, name) in names.enumerated() {
            lines.append("| \(name) | " + learned.confusion[row].map(String.init).joined(separator: " | ") + " |")
        }
        lines.append("")
        let code = ClassifierEvaluation.newTheme
        if let score = newTheme {
            lines.append("New theme `\(code)` from \(ClassifierEvaluation.newThemeExamples) corrections (\(newThemePositives) about it): "
                + "P \(Self.figure(score.precision)), R \(Self.figure(score.recall)), F1 \(Self.figure(score.f1)) on \(score.support) held-out comments.")
        } else {
            lines.append("New theme `\(code)`: no train comment carries it, not measured.")
        }
        lines.append("")
        lines.append(String(format: "Training on %d comments: %.2f s; classifying: %.0f µs per comment; stored state: %d kB.",
                            trainCount, trainSeconds, classifyMicroseconds, storedBytes / 1000))
        return lines.joined(separator: "\n") + "\n"
    }

    private static func figure(_ value: Double) -> String { String(format: "%.2f", value) }

    private static func triple(_ score: ClassificationMetrics.ThemeScore) -> String {
        "\(figure(score.precision)) / \(figure(score.recall)) / \(figure(score.f1))"
    }
}
