/// One lexicon entry, parsed from the compact notation the lexicon files use.
///
/// Notation (kept terse because the lexicons hold hundreds of entries):
/// - `"pysäköi"`: the token starts with the stem (Finnish and Swedish inflect by suffix);
/// - `"=kö"`: the token is exactly this word (for short words whose prefix would match
///   unrelated words, such as Swedish "kö" and Finnish "köyhä");
/// - `"*parkki"`: the stem may also occur inside the token, to catch compound words such as
///   "sairaalaparkki"; only stems of at least `minimumAnywhereLength` letters, because
///   shorter ones occur by chance inside unrelated words;
/// - `"=ei vasta"`: several parts separated by spaces match consecutive tokens of one clause,
///   each part by its own rule (`*` is not allowed in phrases).
struct StemPattern: Sendable, Hashable {

    enum Placement: Sendable, Hashable {
        case prefix, whole, anywhere
    }

    struct Part: Sendable, Hashable {
        let scalars: [Unicode.Scalar]
        let placement: Placement

        /// Whether the part occurs in `token` starting at `offset`.
        func occurs(in token: [Unicode.Scalar], at offset: Int) -> Bool {
            let end = offset + scalars.count
            guard end <= token.count else { return false }
            if placement == .whole, offset != 0 || end != token.count { return false }
            var index = 0
            while index < scalars.count {
                if token[offset + index] != scalars[index] { return false }
                index += 1
            }
            return true
        }
    }

    static let minimumAnywhereLength = 6
    /// A one-letter stem would match far too much (phrases excepted, see `init`).
    static let minimumPartLength = 2

    let notation: String
    let parts: [Part]

    /// Letters over all parts; a longer match is the more specific one.
    var length: Int { parts.reduce(0) { $0 + $1.scalars.count } }

    /// Returns nil for notation the matcher cannot honour (empty, too short, upper-case,
    /// not NFC, a short `*` stem or a `*` inside a phrase); the lexicon tests list them.
    init?(notation: String) {
        let pieces = notation.split(separator: " ", omittingEmptySubsequences: true)
        guard !pieces.isEmpty else { return nil }
        var parts: [Part] = []
        for piece in pieces {
            var text = Substring(piece)
            var placement = Placement.prefix
            if text.hasPrefix("=") {
                placement = .whole
                text = text.dropFirst()
            } else if text.hasPrefix("*") {
                placement = .anywhere
                text = text.dropFirst()
            }
            let scalars = Array(text.unicodeScalars)
            // A one-letter part is too vague on its own, but "=e palvelu" (typed "e-palvelu")
            // and "=x ray" are precise as whole-word parts of a phrase.
            let shortest = placement == .whole && pieces.count > 1 ? 1 : Self.minimumPartLength
            guard scalars.count >= shortest,
                  scalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "'" }),
                  String(text) == String(text).lowercased(),
                  String(text) == FeedbackTokenizer.canonicalComposition(of: String(text))
            else { return nil }
            if placement == .anywhere,
               pieces.count > 1 || scalars.count < Self.minimumAnywhereLength {
                return nil
            }
            parts.append(Part(scalars: scalars, placement: placement))
        }
        self.notation = notation
        self.parts = parts
    }
}
