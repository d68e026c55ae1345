/// One normalised word of a feedback text.
struct FeedbackToken: Sendable, Equatable {
    /// Lower-case, NFC; used for the small word sets (negations, function words).
    let text: String
    /// The same word as scalars, which the stem matcher compares without re-decoding.
    let scalars: [Unicode.Scalar]
    /// Tokens in different clauses never form a phrase, and a negation does not reach
    /// across a clause boundary ("Ei. Hyvä palvelu." is not "ei hyvä").
    let clause: Int

    init(text: String, clause: Int) {
        self.text = text
        self.scalars = Array(text.unicodeScalars)
        self.clause = clause
    }
}
