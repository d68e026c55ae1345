extension FeedbackFeatures {
    private static let phraseTag: UInt32 = 0x5A
    static let phraseLength = 5

    /// Letters across word boundaries: every `phraseLength`-letter string of a clause's words
    /// joined by spaces that spans a space ("i ole", "no on"). Short turns of phrase and
    /// negations ("ei ollu", "inte fått", "no one") that single words and their n-grams split
    /// apart. Cross-validated on the train part (five rounds): sentiment accuracy 0.905 → 0.910,
    /// theme macro-F1 unchanged.
    static func phraseGrams(in tokens: [FeedbackToken], into grams: inout [UInt32: Float]) {
        var clause: [Unicode.Scalar] = []
        var clauseNumber: Int?
        func flush() {
            clause.append(">")
            if clause.count >= phraseLength {
                for start in 0...(clause.count - phraseLength) {
                    let piece = clause[start..<(start + phraseLength)]
                    if piece.contains(" ") { grams[hash(phraseTag, piece), default: 0] += 1 }
                }
            }
            clause = []
        }
        for token in tokens {
            if token.clause != clauseNumber {
                if clauseNumber != nil { flush() }
                clause = ["<"]
                clauseNumber = token.clause
            } else {
                clause.append(" ")
            }
            clause += token.scalars
        }
        if clauseNumber != nil { flush() }
    }
}
