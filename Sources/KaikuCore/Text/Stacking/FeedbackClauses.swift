import Foundation

/// The parts of a comment whose topics the second stage compares: its sentences, and within a
/// sentence the parts a contrast word starts ("Hoitaja oli ystävällinen, mutta jonotin tunnin"
/// is two). A comment usually says what it is about in one of them and only mentions the rest,
/// so "the theme is the top one of some clause" tells the main topic from a passing remark
/// better than the whole comment's scores do (cross-validated in step 6 of BENCHMARKS.md).
///
/// Exactly the splitting the cross-validation measured (`scripts/cv-text-swiftc.sh`, `CLAUSE=1`):
/// changing it changes what the stored second-stage weights mean (bump `featureVersion`).
enum FeedbackClauses {

    /// Characters that end a sentence; a semicolon and a line break end one too, as residents use them.
    private static let sentenceEnds: Set<Character> = [".", "!", "?", ";", "\n", "…"]

    /// The clauses of `text` in order, words joined by single spaces; the whole text when it
    /// has no word at all, so that every comment has at least one clause.
    static func split(_ text: String) -> [String] {
        var clauses: [String] = []
        var current: [Substring] = []
        func close() {
            if !current.isEmpty { clauses.append(current.joined(separator: " ")) }
            current = []
        }
        for sentence in text.split(whereSeparator: sentenceEnds.contains) {
            for word in sentence.split(separator: " ") {
                let bare = word.lowercased().trimmingCharacters(in: .punctuationCharacters)
                // A contrast word opening a sentence does not split it: nothing came before it.
                if FeedbackFeatures.contrastWords.contains(bare), !current.isEmpty { close() }
                current.append(word)
            }
            close()
        }
        return clauses.isEmpty ? [text] : clauses
    }
}
