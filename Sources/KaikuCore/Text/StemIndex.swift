/// Finds lexicon stems in a token sequence without trying every stem on every token.
///
/// Stems are filed under a key made of their first (up to) three letters; a token then looks
/// up only the stems that share its opening letters (and, for compound-internal stems, the
/// stems that share the three letters at each position). With ~1,600 entries this keeps a
/// 500-character answer well under 0.1 ms.
struct StemIndex<Payload: Sendable>: Sendable {

    struct Entry: Sendable {
        let pattern: StemPattern
        let language: Language
        let payload: Payload
    }

    /// One accepted occurrence of an entry; `tokenCount` is above 1 only for phrases.
    struct Match: Sendable {
        let entry: Entry
        let tokenIndex: Int
        let tokenCount: Int
    }

    private struct Candidate {
        let entry: Int
        let start: Int
        let length: Int
        let atStart: Bool
    }

    let entries: [Entry]
    private let startKeys: [UInt64: [Int]]
    private let anywhereKeys: [UInt64: [Int]]
    private let phraseKeys: [UInt64: [Int]]

    /// Entries whose notation does not parse are left out here and reported by the tests.
    init(_ lexicon: [(language: Language, notation: String, payload: Payload)]) {
        var entries: [Entry] = []
        var startKeys: [UInt64: [Int]] = [:]
        var anywhereKeys: [UInt64: [Int]] = [:]
        var phraseKeys: [UInt64: [Int]] = [:]
        for item in lexicon {
            guard let pattern = StemPattern(notation: item.notation) else { continue }
            let index = entries.count
            entries.append(Entry(pattern: pattern, language: item.language, payload: item.payload))
            let first = pattern.parts[0].scalars
            let key = Self.key(first, at: 0, count: min(3, first.count))
            if pattern.parts.count > 1 {
                phraseKeys[key, default: []].append(index)
            } else if pattern.parts[0].placement == .anywhere {
                anywhereKeys[key, default: []].append(index)
            } else {
                startKeys[key, default: []].append(index)
            }
        }
        self.entries = entries
        self.startKeys = startKeys
        self.anywhereKeys = anywhereKeys
        self.phraseKeys = phraseKeys
    }

    /// Scans left to right. A phrase starting at a token wins over single-word stems there;
    /// within one token, stems at the start of the word win over compound-internal ones
    /// ("epäystävällinen" is "epäystäv…", not "…ystävälli…"), then longer over shorter.
    /// A token can still yield several matches when they do not overlap ("verkko|ajanvaraus").
    func matches(in tokens: [FeedbackToken]) -> [Match] {
        var matches: [Match] = []
        var candidates: [Candidate] = []
        var accepted: [Candidate] = []
        var tokenIndex = 0
        while tokenIndex < tokens.count {
            let phraseLength = appendPhraseMatches(in: tokens, at: tokenIndex, to: &matches)
            if phraseLength > 0 {
                tokenIndex += phraseLength
                continue
            }
            collectCandidates(in: tokens[tokenIndex].scalars, into: &candidates)
            if !candidates.isEmpty {
                select(from: &candidates, into: &accepted)
                for candidate in accepted {
                    let entry = entries[candidate.entry]
                    matches.append(Match(entry: entry, tokenIndex: tokenIndex, tokenCount: 1))
                }
            }
            tokenIndex += 1
        }
        return matches
    }

    private func collectCandidates(in token: [Unicode.Scalar], into candidates: inout [Candidate]) {
        candidates.removeAll(keepingCapacity: true)
        let count = token.count
        guard count >= StemPattern.minimumPartLength else { return }
        for keyLength in 2...min(3, count) {
            guard let list = startKeys[Self.key(token, at: 0, count: keyLength)] else { continue }
            for index in list where entries[index].pattern.parts[0].occurs(in: token, at: 0) {
                let length = entries[index].pattern.length
                candidates.append(Candidate(entry: index, start: 0, length: length, atStart: true))
            }
        }
        guard !anywhereKeys.isEmpty, count >= StemPattern.minimumAnywhereLength else { return }
        for offset in 0...(count - StemPattern.minimumAnywhereLength) {
            guard let list = anywhereKeys[Self.key(token, at: offset, count: 3)] else { continue }
            for index in list where entries[index].pattern.parts[0].occurs(in: token, at: offset) {
                let length = entries[index].pattern.length
                candidates.append(
                    Candidate(entry: index, start: offset, length: length, atStart: offset == 0))
            }
        }
    }

    /// Greedy choice of non-overlapping candidates. The same span found by several entries
    /// (one stem listed for two languages or themes) is kept for each of them.
    private func select(from candidates: inout [Candidate], into accepted: inout [Candidate]) {
        accepted.removeAll(keepingCapacity: true)
        candidates.sort {
            if $0.atStart != $1.atStart { return $0.atStart }
            if $0.length != $1.length { return $0.length > $1.length }
            if $0.start != $1.start { return $0.start < $1.start }
            return $0.entry < $1.entry
        }
        for candidate in candidates {
            let clashes = accepted.contains { other in
                let sameSpan = other.start == candidate.start && other.length == candidate.length
                let overlaps = candidate.start < other.start + other.length
                    && other.start < candidate.start + candidate.length
                return overlaps && !sameSpan
            }
            if !clashes { accepted.append(candidate) }
        }
    }

    /// Returns how many tokens the best phrase at `start` covers (0 when none matches).
    private func appendPhraseMatches(
        in tokens: [FeedbackToken], at start: Int, to matches: inout [Match]
    ) -> Int {
        guard !phraseKeys.isEmpty else { return 0 }
        let first = tokens[start].scalars
        guard !first.isEmpty else { return 0 }
        var best: [Int] = []
        var bestSize = (tokens: 0, letters: 0)
        for keyLength in 1...min(3, first.count) {
            guard let list = phraseKeys[Self.key(first, at: 0, count: keyLength)] else { continue }
            for index in list where phraseOccurs(entries[index].pattern, in: tokens, at: start) {
                let pattern = entries[index].pattern
                let size = (tokens: pattern.parts.count, letters: pattern.length)
                if size.tokens > bestSize.tokens
                    || (size.tokens == bestSize.tokens && size.letters > bestSize.letters) {
                    best = [index]
                    bestSize = size
                } else if size == bestSize {
                    best.append(index)
                }
            }
        }
        for index in best {
            matches.append(Match(entry: entries[index], tokenIndex: start, tokenCount: bestSize.tokens))
        }
        return bestSize.tokens
    }

    private func phraseOccurs(
        _ pattern: StemPattern, in tokens: [FeedbackToken], at start: Int
    ) -> Bool {
        guard start + pattern.parts.count <= tokens.count else { return false }
        let clause = tokens[start].clause
        for (offset, part) in pattern.parts.enumerated() {
            let token = tokens[start + offset]
            guard token.clause == clause, part.occurs(in: token.scalars, at: 0) else { return false }
        }
        return true
    }

    /// Packs up to three scalars (21 bits each) into one integer; a shorter key leaves the low
    /// bits zero, which no longer key can, because U+0000 never occurs in a token.
    private static func key(_ scalars: [Unicode.Scalar], at offset: Int, count: Int) -> UInt64 {
        var key: UInt64 = 0
        for index in 0..<3 {
            key <<= 21
            if index < count { key |= UInt64(scalars[offset + index].value) }
        }
        return key
    }
}
