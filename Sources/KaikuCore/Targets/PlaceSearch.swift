import Foundation

/// Finds the place a customer visited from what they type: any of its names in Finnish,
/// Swedish or English and its keywords, forgiving case, letters typed without dots, an
/// inflected word ("hammaslääkärille") and a typo ("hamas" for "hammas").
///
/// Every word typed must match something; a place's score is the sum of its words' best
/// matches, so "hammas keskusta" ranks the clinic in the centre first.
public enum PlaceSearch {
    /// How well one typed word matched, best first.
    enum Match: Int, Comparable {
        case typo = 1, inside, prefix, exact

        static func < (lhs: Match, rhs: Match) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Typed text longer than this is cut: no place has a longer name.
    public static let maxQueryLength = 100
    /// The shortest word tried as an inflected form.
    static let minimumInflected = 6

    /// The words of a text as the search compares them: folded, split at anything not a letter or digit.
    public static func words(_ text: String) -> [String] {
        fold(text).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// The score of a place whose names and keywords are `texts`, or nil when a typed word matches none of them.
    public static func score(query: String, texts: [String]) -> Int? {
        let typed = words(String(query.prefix(maxQueryLength)))
        guard !typed.isEmpty else { return 0 }
        let haystack = Array(Set(texts.flatMap(words)))
        var total = 0
        for word in typed {
            guard let match = bestMatch(of: word, in: haystack) else { return nil }
            total += match.rawValue
        }
        return total
    }

    static func bestMatch(of word: String, in haystack: [String]) -> Match? {
        var best: Match?
        for candidate in haystack {
            guard let match = match(word, candidate) else { continue }
            if match == .exact { return .exact }
            best = max(best ?? match, match)
        }
        if best == nil, word.count >= minimumInflected {
            // An inflected form: its stem in any of the three languages starts a word ("hammaslääkärille" →
            // "hammaslääkär"). Only for longer words, whose stems are long enough to say something: "hamas"
            // would stem to "ham" and find every "Hämeen".
            for language in Language.allCases {
                let stem = LightStemmer.stem(word, language: language)
                if stem != word, stem.count >= minimumInflected - 1, haystack.contains(where: { $0.hasPrefix(stem) }) { return .inside }
            }
        }
        return best
    }

    private static func match(_ word: String, _ candidate: String) -> Match? {
        if candidate == word { return .exact }
        if candidate.hasPrefix(word) { return .prefix }
        // Inside a compound ("lääkäri" in "hammaslääkäri"); too loose for one or two letters.
        if word.count >= 3, candidate.contains(word) { return .inside }
        return isTypo(word, of: candidate) ? .typo : nil
    }

    /// One slip (a letter missing, extra, wrong or two swapped) in a word of 4–7 letters, two
    /// from 8 on, against the candidate or the start of it (a compound's first part).
    static func isTypo(_ word: String, of candidate: String) -> Bool {
        let typed = Array(word)
        guard typed.count >= 4 else { return false }
        let allowed = typed.count >= 8 ? 2 : 1
        let target = Array(candidate)
        let lengths = max(1, typed.count - allowed)...(typed.count + allowed)
        for length in lengths where length <= target.count {
            if distance(typed, target[..<length], limit: allowed) <= allowed { return true }
        }
        return false
    }

    /// Optimal string alignment distance, giving up (limit + 1) once every path exceeds `limit`.
    static func distance(_ a: [Character], _ b: ArraySlice<Character>, limit: Int) -> Int {
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowBest = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, previous2[j - 2] + 1) }
                current[j] = value
                rowBest = min(rowBest, value)
            }
            if rowBest > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
