import Foundation

extension LearnedModel {
    /// This model with `extra` themes after its own, each at its starting weights
    /// (`prior`: the bias and the theme's name seed). What training on examples that do not
    /// know those themes would give — they only say a faint "no" — without the training, so
    /// that an organisation adding a theme costs no retraining before its first correction.
    func adding(themes extra: [String]) -> LearnedModel {
        let allThemes = themes + extra
        let oldColumns = columns
        let newColumns = allThemes.count + Self.sentiments.count
        var rows = self.rows
        let oldRowCount = rows.count
        for code in extra where rows[FeedbackFeatures.ownThemeSignal(code)] == nil {
            rows[FeedbackFeatures.ownThemeSignal(code)] = rows.count
        }
        var weights = [Float](repeating: 0, count: rows.count * newColumns)
        for (hash, row) in rows {
            let to = row * newColumns
            if row < oldRowCount {
                let from = row * oldColumns
                for column in 0..<themes.count { weights[to + column] = self.weights[from + column] }
                for offset in 0..<Self.sentiments.count {
                    weights[to + allThemes.count + offset] = self.weights[from + themes.count + offset]
                }
            }
            for column in themes.count..<allThemes.count {
                weights[to + column] = (Self.prior(hash: hash, column: column, themes: allThemes) / Self.quantum).rounded() * Self.quantum
            }
        }
        return LearnedModel(themes: allThemes, rows: rows, weights: weights)
    }
}
