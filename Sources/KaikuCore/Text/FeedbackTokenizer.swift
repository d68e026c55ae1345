import Foundation

/// Splits feedback text into normalised word tokens.
enum FeedbackTokenizer {

    /// The placeholders `TextMasker` leaves where personal data was; they say nothing about
    /// the feedback and "[PHONE]" / "[EMAIL]" would otherwise read as contact words.
    static let maskingTokens = ["[HETU]", "[PHONE]", "[EMAIL]"]

    private static let clauseBreaks: Set<Unicode.Scalar> = [
        ".", ",", ";", ":", "!", "?", "…", "(", ")", "\n", "\r", "\u{2028}", "\u{2029}",
    ]
    private static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{02BC}"]

    private static let maskingTokenScalars = maskingTokens.map { Array($0.unicodeScalars) }

    static func tokens(in text: String) -> [FeedbackToken] {
        // Lower-cased scalar by scalar: a separate `lowercased()` pass over the whole text
        // cost a fifth of the analysis time, as did Foundation's search for masking tokens.
        let scalars = Array(canonicalComposition(of: text).unicodeScalars)

        var tokens: [FeedbackToken] = []
        var clause = 0
        var current = String.UnicodeScalarView()

        func flush() {
            guard !current.isEmpty else { return }
            append(String(current), clause: clause, to: &tokens)
            current = String.UnicodeScalarView()
        }

        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "[", let length = maskingTokenLength(in: scalars, at: index) {
                flush()
                index += length
                continue
            }
            if isWordScalar(scalar) {
                appendLowercased(scalar, to: &current)
            } else if apostrophes.contains(scalar), !current.isEmpty,
                      index + 1 < scalars.count, isWordScalar(scalars[index + 1]) {
                // Inside a word ("didn't", "nurse's"); elsewhere it is a quotation mark.
                current.append("'")
            } else {
                flush()
                if clauseBreaks.contains(scalar) { clause += 1 }
            }
            index += 1
        }
        flush()
        return tokens
    }

    private static func maskingTokenLength(in scalars: [Unicode.Scalar], at start: Int) -> Int? {
        for token in maskingTokenScalars where start + token.count <= scalars.count {
            if scalars[start..<(start + token.count)].elementsEqual(token) { return token.count }
        }
        return nil
    }

    /// English contractions become two tokens so that "didn't work" and "did not work" hit
    /// the same negation and the same phrases.
    private static func append(_ word: String, clause: Int, to tokens: inout [FeedbackToken]) {
        if word.hasSuffix("n't"), word.unicodeScalars.count > 3 {
            var base = String(word.dropLast(3))
            if base == "ca" { base = "can" } else if base == "wo" { base = "will" }
            tokens.append(FeedbackToken(text: base, clause: clause))
            tokens.append(FeedbackToken(text: "not", clause: clause))
        } else {
            tokens.append(FeedbackToken(text: word, clause: clause))
        }
    }

    private static func appendLowercased(
        _ scalar: Unicode.Scalar, to word: inout String.UnicodeScalarView
    ) {
        switch scalar.value {
        case 0x41...0x5A: word.append(Unicode.Scalar(scalar.value + 0x20)!)
        case 0...0x7F: word.append(scalar)
        default:
            if scalar.properties.changesWhenLowercased {
                word.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                word.append(scalar)
            }
        }
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x61...0x7A, 0x41...0x5A, 0x30...0x39: return true
        case 0...0x7F: return false
        // Latin-1 letters (ä, ö, å, é …) without the Unicode property lookup.
        case 0xC0...0xFF: return scalar.value != 0xD7 && scalar.value != 0xF7
        default:
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || scalar.properties.generalCategory == .nonspacingMark
        }
    }

    /// NFC, so that "ä" typed as "a" + combining diaeresis matches the lexicon's "ä".
    /// Text without any scalar from U+0300 up is already NFC (every such scalar is NFC-stable
    /// and none combines with its neighbour), which spares the Foundation call for most answers.
    static func canonicalComposition(of text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.value < 0x300 }) { return text }
        return text.precomposedStringWithCanonicalMapping
    }
}
