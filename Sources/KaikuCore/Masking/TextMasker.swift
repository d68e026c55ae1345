/// The kinds of personal data `TextMasker` replaces.
public enum MaskedKind: String, Sendable, Codable, CaseIterable {
    case identityCode
    case phone
    case email

    /// The language-neutral token stored in place of the masked data; the display layer
    /// localises it (e.g. "[henkilötunnus poistettu]" / "[personbeteckning borttagen]").
    public var token: String {
        switch self {
        case .identityCode: return "[HETU]"
        case .phone: return "[PHONE]"
        case .email: return "[EMAIL]"
        }
    }
}

/// The outcome of masking one text.
public struct MaskResult: Sendable, Equatable {
    /// The text with personal data replaced by tokens; everything else is kept exactly.
    public let text: String
    /// The kinds of data that were found and replaced (empty when the text was left unchanged).
    public let maskedKinds: Set<MaskedKind>

    public init(text: String, maskedKinds: Set<MaskedKind>) {
        self.text = text
        self.maskedKinds = maskedKinds
    }
}

/// Masks personal data in free-text feedback before it is stored.
///
/// Replaces, in this order:
/// 1. e-mail addresses with `[EMAIL]` (first, so that digits or codes inside an address do not
///    leave half an address behind);
/// 2. Finnish personal identity codes with `[HETU]`;
/// 3. phone numbers with `[PHONE]` (after identity codes, so a code's digits are never taken
///    for a phone number).
///
/// The matchers read the text folded (see `FoldedText`): full-width forms as plain ones, every
/// dash as `-`, every space separator as a space, invisible characters left out. So
/// `１３１０５２–308T`, `040\u{202F}123\u{2013}4567` and `matti\u{200B}@example.org` are
/// found like their plain spellings, and what is replaced in the original text is exactly the
/// characters the match came from.
///
/// Everything else (whitespace, newlines, emoji, punctuation) is preserved exactly. The tokens
/// contain no digits and no `@`, so masking is idempotent: masking masked text changes nothing.
///
/// A match must stand on its own: the characters immediately before and after it must not be
/// letters or digits (so `ABC0401234567` or `131052-308Tx` are left alone).
public struct TextMasker: Sendable {

    public init() {}

    public func mask(_ text: String) -> MaskResult {
        var chars = Array(text)
        var folded = FoldedText(chars)
        var kinds: Set<MaskedKind> = []

        if Self.replace(&chars, &folded, finder: Self.emailRanges, with: .email) { kinds.insert(.email) }
        if Self.replace(&chars, &folded, finder: { Self.ranges(in: $0, matcher: Self.identityCodeMatch) },
                        with: .identityCode) {
            kinds.insert(.identityCode)
        }
        if Self.replace(&chars, &folded, finder: { Self.ranges(in: $0, matcher: Self.phoneMatch) }, with: .phone) {
            kinds.insert(.phone)
        }

        // Return the original string untouched when nothing was found.
        return MaskResult(text: kinds.isEmpty ? text : String(chars), maskedKinds: kinds)
    }

    // MARK: - Scanning
    //
    // Every pass is linear in the length of the text (apart from small bounded look-arounds),
    // so a long or hostile input cannot make masking slow.

    /// A matcher looks at position `i` and returns the range to replace, if a match starts there
    /// (the range may start after `i`, e.g. when an opening parenthesis is kept).
    typealias Matcher = ([Character], Int) -> Range<Int>?

    /// All non-overlapping matches, scanning left to right.
    private static func ranges(in chars: [Character], matcher: Matcher) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = 0
        while i < chars.count {
            if let range = matcher(chars, i) {
                result.append(range)
                i = range.upperBound
            } else {
                i += 1
            }
        }
        return result
    }

    /// Finds the matches of one kind in `folded`, the folded `chars` (see `FoldedText`), and
    /// replaces the original characters they came from with the token of `kind`. Returns whether
    /// anything was replaced; if so, `folded` is folded again, so the next kind sees the tokens.
    private static func replace(
        _ chars: inout [Character], _ folded: inout FoldedText, finder: ([Character]) -> [Range<Int>],
        with kind: MaskedKind
    ) -> Bool {
        guard replace(&chars, ranges: folded.originalRanges(of: finder(folded.chars)), with: kind) else { return false }
        folded = FoldedText(chars)
        return true
    }

    /// Replaces the given ascending, non-overlapping ranges with the token of `kind`.
    /// Returns whether anything was replaced.
    private static func replace(_ chars: inout [Character], ranges: [Range<Int>], with kind: MaskedKind) -> Bool {
        guard !ranges.isEmpty else { return false }
        var output: [Character] = []
        output.reserveCapacity(chars.count)
        var i = 0
        for range in ranges {
            output.append(contentsOf: chars[i..<range.lowerBound])
            output.append(contentsOf: kind.token)
            i = range.upperBound
        }
        output.append(contentsOf: chars[i...])
        chars = output
        return true
    }

    // MARK: - Character classes

    private static func isDigit(_ c: Character) -> Bool { PersonalIdentityCode.asciiDigitValue(c) != nil }

    private static func isAlphanumeric(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    /// Plain space or no-break spaces (people paste numbers from web pages).
    private static func isSpace(_ c: Character) -> Bool { c == " " || c == "\u{00A0}" || c == "\u{202F}" }

    private static func char(_ chars: [Character], _ i: Int) -> Character? {
        i >= 0 && i < chars.count ? chars[i] : nil
    }

    /// True when position `i` is outside the text or not a letter/digit.
    private static func isBoundary(_ chars: [Character], _ i: Int) -> Bool {
        guard let c = char(chars, i) else { return true }
        return !isAlphanumeric(c)
    }

    /// ASCII upper case of an ASCII letter; other characters unchanged.
    private static func upper(_ c: Character) -> Character {
        guard let a = c.asciiValue, a >= 97, a <= 122 else { return c }
        return Character(Unicode.Scalar(a - 32))
    }

    // MARK: - Identity codes

    /// Finds an identity code starting at `i`.
    ///
    /// Only VALID codes (correct check character, real date, individual number 002–999) are
    /// masked. An invalid look-alike such as `131052-308U` is kept on purpose: the shape
    /// "six digits, a sign, three digits and a character" also matches dates, order numbers,
    /// reference numbers and ranges ("010124-311A", "120324-1234"), and masking those would
    /// destroy feedback the service needs. The check character gives a 1-in-31 filter and the
    /// date another strong one, so a false positive is very unlikely.
    ///
    /// Accepted spellings (people type codes in many ways):
    /// - canonical `131052-308T`, and with lower-case sign/check character (`131052-308t`,
    ///   `010101a123n`);
    /// - one space on either or both sides of the separator (`131052 - 308T`, `131052 -308T`);
    /// - any dash for the `-` sign, full-width characters, any space separator and invisible
    ///   characters inside (the folded text, see `FoldedText`);
    /// - separator missing or replaced by a single space (`131052308T`, `131052 308T`), but ONLY
    ///   when the check character is a letter. The century is then unknown, so the date must be
    ///   real in at least one century. A 10-digit run is deliberately not treated as a code:
    ///   without a sign it is indistinguishable from phone, order and reference numbers, and the
    ///   1-in-31 check is too weak a signal on its own (leading-zero runs are masked as phone
    ///   numbers anyway).
    static func identityCodeMatch(_ chars: [Character], _ i: Int) -> Range<Int>? {
        guard isBoundary(chars, i - 1),
              i + 6 <= chars.count,
              let date = PersonalIdentityCode.digits(chars[i..<(i + 6)])
        else { return nil }

        var j = i + 6
        var centuries = PersonalIdentityCode.allCenturies
        var hasSign = false

        // Optional space before the separator.
        let spaceBefore = char(chars, j).map(isSpace) ?? false
        if spaceBefore { j += 1 }
        if let c = char(chars, j), let century = PersonalIdentityCode.century(forSign: upper(c)) {
            centuries = [century]
            hasSign = true
            j += 1
            if let c = char(chars, j), isSpace(c) { j += 1 } // optional space after the separator
        }
        // Without a sign, a single space (if any) took the place of the separator: "DDMMYY NNNQ".

        guard j + 4 <= chars.count,
              let individual = PersonalIdentityCode.digits(chars[j..<(j + 3)])
        else { return nil }
        let check = upper(chars[j + 3])
        let end = j + 4
        guard isBoundary(chars, end) else { return nil }
        if !hasSign {
            guard check.isLetter else { return nil }
        }
        guard PersonalIdentityCode.isValid(
            dateDigits: date, centuries: centuries, individualDigits: individual, check: check
        ) else { return nil }
        return i..<end
    }

    // MARK: - E-mail addresses

    /// Characters allowed in the local part: letters of any script (ä, ö, å...), digits and
    /// `. _ % + -`. Quotes and the rarer RFC 5322 characters are left out so that surrounding
    /// punctuation is not swallowed.
    private static func isLocalPartCharacter(_ c: Character) -> Bool {
        c.isLetter || isDigit(c) || c == "." || c == "_" || c == "%" || c == "+" || c == "-"
    }

    private static func isDomainCharacter(_ c: Character) -> Bool {
        c.isLetter || isDigit(c) || c == "-" || c == "."
    }

    /// How an `@` or a `.` of an address was written.
    enum Spelling: Equatable {
        /// The character itself (`@` also with one space on both sides: `name @ example.org`).
        case symbol
        /// A word in brackets: `(at)`, `[at]`, `{at}`, `<at>`, `(ät)`; `(dot)`, `[dot]`, `(piste)`,
        /// `(punkt)`; spaces around and inside the brackets allowed. Also `(a)`, but only with no
        /// spaces (`name(a)example.org`), as "(a)" with spaces is an item of a list.
        case bracketed
        /// The English word between spaces: `name at example dot org`.
        case word
        /// The Finnish/Swedish spoken name of `@` between spaces: `name ät example.fi`.
        case nordicWord
    }

    /// The folded text with spelled-out at signs and dots written as `@` and `.`; each character
    /// knows how it was written and which folded characters it stands for.
    struct AddressText {
        var chars: [Character] = []
        var spellings: [Spelling] = []
        var sources: [Range<Int>] = []

        mutating func append(_ c: Character, _ spelling: Spelling, _ source: Range<Int>) {
            chars.append(c)
            spellings.append(spelling)
            sources.append(source)
        }
    }

    private static let bracketPairs: [Character: Character] = ["(": ")", "[": "]", "{": "}", "<": ">"]
    private static let bracketedAtWords: Set<String> = ["at", "a", "ät"]
    private static let bracketedDotWords: Set<String> = ["dot", "piste", "punkt"]

    /// Top-level domains accepted after a spelled-out `at`/`ät` (between spaces): the common ones
    /// in Finnish, Swedish and English mail, leaving out those that are also everyday words
    /// (`it`, `me`, `nu`, `is`, `to`, `in`, `so`...).
    static let spelledOutTopLevelDomains: Set<String> = [
        "fi", "ax", "se", "eu", "com", "org", "net", "info", "edu", "gov", "biz", "io",
        "dk", "de", "ee", "uk", "nl", "fr", "es", "ru", "ch",
    ]

    /// Words after a spelled-out `at` that begin a phrase rather than a domain
    /// ("look at this dot com").
    private static let phraseWords: Set<String> = [
        "the", "this", "that", "these", "those", "a", "an", "my", "your", "our", "his", "her",
        "its", "their", "any", "some", "all", "one", "least", "most", "last", "first", "once",
    ]

    /// The word of letters starting at `i` (at most `limit` letters, lower-cased),
    /// and where it ends.
    private static func word(_ chars: [Character], from i: Int, limit: Int = 5) -> (String, Int)? {
        var j = i
        while j < chars.count, j - i <= limit, chars[j].isLetter { j += 1 }
        guard j > i, j - i <= limit else { return nil }
        return (String(chars[i..<j]).lowercased(), j)
    }

    /// A spelled-out `@` or `.` starting at `i`: the character it stands for, how it was written
    /// and where it ends.
    private static func spelledMarker(_ chars: [Character], at i: Int) -> (Character, Spelling, Int)? {
        guard let first = char(chars, i) else { return nil }
        let before = char(chars, i - 1)
        // " @ " between the parts of an address.
        if first == " ", char(chars, i + 1) == "@", char(chars, i + 2) == " ",
           let before, isLocalPartCharacter(before), let after = char(chars, i + 3), isDomainCharacter(after) {
            return ("@", .symbol, i + 3)
        }
        // "(at)", " [ dot ] ", "(a)"...
        var j = i
        if first == " " { j += 1 }
        if let open = char(chars, j), let close = bracketPairs[open] {
            j += 1
            if char(chars, j) == " " { j += 1 }
            if let (w, end) = word(chars, from: j) {
                j = end
                if char(chars, j) == " " { j += 1 }
                if char(chars, j) == close {
                    j += 1
                    if char(chars, j) == " " { j += 1 }
                    // "(a)" only between the parts ("name(a)example.org"): "kohta (a) ..." is a list.
                    if w == "a", j - i != 3 { return nil }
                    if bracketedAtWords.contains(w) { return ("@", .bracketed, j) }
                    if bracketedDotWords.contains(w) { return (".", .bracketed, j) }
                }
            }
        }
        // " at ", " ät ", " dot " between letters or digits.
        if first == " ", let before, isAlphanumeric(before), let (w, end) = word(chars, from: i + 1, limit: 3),
           char(chars, end) == " ", let after = char(chars, end + 1), isAlphanumeric(after) {
            switch w {
            case "at": return ("@", .word, end + 1)
            case "ät": return ("@", .nordicWord, end + 1)
            case "dot": return (".", .word, end + 1)
            default: break
            }
        }
        return nil
    }

    /// The folded text with its spelled-out at signs and dots replaced.
    static func addressText(_ chars: [Character]) -> AddressText {
        var text = AddressText()
        text.chars.reserveCapacity(chars.count)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "(" || c == "[" || c == "{" || c == "<",
               let (c, spelling, end) = spelledMarker(chars, at: i) {
                text.append(c, spelling, i..<end)
                i = end
            } else {
                text.append(chars[i], .symbol, i..<(i + 1))
                i += 1
            }
        }
        return text
    }

    /// All e-mail addresses: `local@label.label(.label)*`, the top-level domain being at least two
    /// letters. Found from each `@` outwards. A bare handle (`@username`) has no local part and
    /// a bare `name@host` has no dot in the domain; neither is masked. A trailing sentence full
    /// stop is not part of the address.
    ///
    /// The `@` and the dots may be spelled out (see `Spelling`), as people do to keep addresses
    /// from robots: `name (at) example.org`, `name[at]example[dot]org`, `name(a)example.org`,
    /// `name @ example.org`. The English word `at` is everyday prose, so `name at example dot
    /// org` counts only when the address is unmistakable: a common top-level domain, a domain not
    /// starting with a word such as "the" or "this", and a dot spelled out as well or a dot or
    /// underscore in the name (`matti.meikalainen at example.fi`); "register at kaiku.fi" is kept.
    /// `ät` is not a word in Finnish prose, so `name ät example.fi` needs only the first two.
    /// A dot spelled as the bare word `dot` joins the name before the `@` only when the `@` is
    /// spelled out too.
    static func emailRanges(in chars: [Character]) -> [Range<Int>] {
        let text = addressText(chars)
        var result: [Range<Int>] = []
        for at in text.chars.indices where text.chars[at] == "@" {
            guard let range = emailRange(at: at, in: text) else { continue }
            if let last = result.last, range.lowerBound < last.upperBound { continue }
            result.append(range)
        }
        return result.map { text.sources[$0.lowerBound].lowerBound..<text.sources[$0.upperBound - 1].upperBound }
    }

    /// The address around the `@` at index `at`, if any.
    private static func emailRange(at: Int, in text: AddressText) -> Range<Int>? {
        let chars = text.chars
        let atSpelling = text.spellings[at]
        // The local part is the run before "@", minus anything up to a ".." (not allowed in an
        // address: "Kiitos...matti@example.fi" keeps "Kiitos...") and minus leading dots.
        var start = at
        while start > 0, isLocalPartCharacter(chars[start - 1]),
              !(chars[start - 1] == "." && start >= 2 && chars[start - 2] == "."),
              !(text.spellings[start - 1] == .word && atSpelling == .symbol) {
            start -= 1
        }
        while start < at, chars[start] == "." { start += 1 }
        guard start < at, chars[at - 1] != "." else { return nil }

        var end = at + 1
        while end < chars.count, isDomainCharacter(chars[end]) { end += 1 }
        // Trim trailing dots and hyphens ("kirjoita matti@example.fi.").
        while end > at + 1, chars[end - 1] == "." || chars[end - 1] == "-" { end -= 1 }

        let labels = String(chars[(at + 1)..<end]).split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2,
              labels.allSatisfy({ !$0.isEmpty && $0.first != "-" && $0.last != "-" }),
              let tld = labels.last, tld.count >= 2, tld.allSatisfy({ $0.isLetter })
        else { return nil }
        // Must not run straight into another "@" (e.g. "a@b.fi@c"); a spelled-out one is a word
        // of the sentence ("matti at example dot fi at once").
        if let next = char(chars, end), next == "@", text.spellings[end] != .word { return nil }

        if atSpelling == .word || atSpelling == .nordicWord {
            // "frukt.Se": a sentence run into the next one, not a domain.
            guard spelledOutTopLevelDomains.contains(tld.lowercased()),
                  tld == tld.lowercased() || tld == tld.uppercased(),
                  let firstLabel = labels.first, !phraseWords.contains(firstLabel.lowercased())
            else { return nil }
            if atSpelling == .word {
                let spelledDot = ((at + 1)..<end).contains { chars[$0] == "." && text.spellings[$0] != .symbol }
                let dottedName = chars[start..<at].contains { $0 == "." || $0 == "_" }
                guard spelledDot || dottedName else { return nil }
            }
        }
        return start..<end
    }

    // MARK: - Phone numbers

    /// Characters that glue number groups together (used to tell whether a digit run continues
    /// an earlier number, as in "1 000 000" or "12.03.2024").
    private static func isNumberJoiner(_ c: Character) -> Bool {
        isSpace(c) || c == "-" || c == "." || c == "," || c == "/" || c == ":" || c == "+"
    }

    /// Finds a phone number starting at `i`.
    ///
    /// Rule: it starts with `0`, `+` or `(0`, then digits in groups separated by single spaces or
    /// hyphens (any dash or space in the original, see `FoldedText`), or by a dot or slash between
    /// a group of two or more digits and one of three or more (`040.123.4567`, `040/123 4567`),
    /// with at most one parenthesised group (`(09) 123 4567`, `+358 (0)40 123 4567`);
    /// 7–15 digits in total (15 is the E.164 maximum). Covers `040 123 4567`, `0401234567`,
    /// `040-123 4567`, `+358 40 123 4567`, `+358401234567`, `(09) 123 4567`, `09 1234 5678`,
    /// `+46 8 123 456 78`.
    ///
    /// Not phone numbers, by construction or explicitly:
    /// - years, times, short numbers, money, room numbers: they do not start with 0/+ or have
    ///   fewer than 7 digits ("vuonna 2024", "klo 14.30", "112", "B 204", "1 200 €");
    /// - the inner groups of another number: a run preceded by a digit and a joiner is a
    ///   continuation ("1 000 000 000 €", "12.03.2024", IBAN groups);
    /// - runs glued to letters or continued by a decimal point/comma and digits;
    /// - amounts and percentages (followed by `€`, `$`, `%`);
    /// - dates written with separators, `DD-MM-YYYY` / `DD MM YYYY` / `MM/DD/YYYY` (`01-03-2024`);
    /// - times and decimals with dots (`08.00-16.00`, `0.1234567`), see the rule above;
    /// - a range of postal codes, `00100-00990`;
    /// - the identity-code shape `DDMMYY-NNNN` (a look-alike that failed the check is left as it
    ///   is, see `identityCodeMatch`).
    static func phoneMatch(_ chars: [Character], _ i: Int) -> Range<Int>? {
        let first = chars[i]
        guard first == "0" || first == "+" || first == "(" else { return nil }

        // Left boundary: not glued to a word or continuing another number.
        if let prev = char(chars, i - 1) {
            if isAlphanumeric(prev) { return nil }
            if isNumberJoiner(prev), let prev2 = char(chars, i - 2), isDigit(prev2) {
                // After punctuation ("12.03", "5-0", "1,0") it is always a continuation. After a
                // space only when the previous word is all digits ("1 000 000", IBAN groups
                // "5000 0000 0583"), so "12.3.2024 040 123 4567" still masks the phone number.
                if !isSpace(prev) || isAllDigitsWord(endingAt: i - 2, in: chars) { return nil }
            }
            if prev == "+" { return nil }
        }
        switch first {
        case "+":
            guard let next = char(chars, i + 1), isDigit(next), next != "0" else { return nil }
        case "(":
            guard char(chars, i + 1) == "0" else { return nil }
        default:
            break
        }

        // Consume the longest run of digit groups.
        var j = first == "+" ? i + 1 : i
        var lastDigitEnd = i
        var openParen: Int? = nil
        var closeParen: Int? = nil
        var usedParen = false
        var groupLength = 0
        while j < chars.count {
            let c = chars[j]
            if isDigit(c) {
                j += 1
                lastDigitEnd = j
                groupLength += 1
                continue
            }
            let digitsBefore = groupLength
            groupLength = 0
            let prev = char(chars, j - 1)
            let next = char(chars, j + 1)
            if c == "(", !usedParen, let next, isDigit(next),
               j == i || prev.map({ isDigit($0) || isSpace($0) }) == true {
                usedParen = true
                openParen = j
                j += 1
                continue
            }
            if c == ")", openParen != nil, let prev, isDigit(prev),
               let next, isDigit(next) || isSpace(next) {
                closeParen = j
                j += 1
                continue
            }
            if isSpace(c) || c == "-", let prev, isDigit(prev) || prev == ")",
               let next, isDigit(next) || next == "(" {
                j += 1
                continue
            }
            // "040.123.4567", "040/123 4567": a dot or slash between a group of two or more
            // digits and one of three or more ("0.1234567" is a decimal number, "08.00-16.00"
            // and "01.03.2024" are times and dates).
            if c == "." || c == "/", digitsBefore >= 2, (1...3).allSatisfy({ char(chars, j + $0).map(isDigit) == true }) {
                j += 1
                continue
            }
            break
        }

        var start = i
        var end = lastDigitEnd
        // A trailing lone digit after a space is a new word, not part of the number
        // ("040 123 4567 2 kertaa"); no phone format ends in a one-digit group.
        if end - 2 > i, isSpace(chars[end - 2]), isDigit(chars[end - 3]) {
            end -= 2
        }
        // A parenthesis not closed INSIDE the number: "(040 1234567)" keeps its parentheses around
        // the token, "040 1234567 (2 kertaa)" stops before the parenthesis.
        let isClosedInside = closeParen.map { $0 < lastDigitEnd } ?? false
        if let p = openParen, p < end, !isClosedInside {
            if p == i {
                start = i + 1
            } else {
                end = p
                while end > start, !isDigit(chars[end - 1]) { end -= 1 }
            }
        }
        guard end > start else { return nil }

        let candidate = chars[start..<end]
        let digitCount = candidate.filter(isDigit).count
        guard (7...15).contains(digitCount) else { return nil }

        // Right boundary.
        if let next = char(chars, end) {
            if isAlphanumeric(next) { return nil }
            if next == "." || next == "," || next == ":" || next == "/",
               let next2 = char(chars, end + 1), isDigit(next2) { return nil }
        }
        // Money and percentages: "0 100 200 €", "0 500 000 %".
        var k = end
        while let c = char(chars, k), isSpace(c) { k += 1 }
        if let c = char(chars, k), c == "€" || c == "$" || c == "%" { return nil }

        let groups = groupLengths(candidate)
        // Dates: DD-MM-YYYY, DD.MM.YYYY, DD/MM/YYYY, DD MM YYYY, DD-MM-YY, and the same with the
        // month first (MM/DD/YYYY).
        if groups.count == 3, (1...2).contains(groups[0]), (1...2).contains(groups[1]),
           groups[2] == 2 || groups[2] == 4, !candidate.contains("("), !candidate.contains("+") {
            let numbers = groupValues(candidate)
            if (1...31).contains(numbers[0]), (1...12).contains(numbers[1]) { return nil }
            if (1...12).contains(numbers[0]), (1...31).contains(numbers[1]) { return nil }
        }
        // Identity-code look-alike: DDMMYY-NNNN.
        if groups == [6, 4], candidate.contains("-") { return nil }
        // A range of postal codes: 00100-00990 (also written with an en dash).
        if groups == [5, 5], candidate.contains("-") { return nil }

        return start..<end
    }

    /// Whether the whitespace-delimited word ending at `index` consists of ASCII digits only.
    private static func isAllDigitsWord(endingAt index: Int, in chars: [Character]) -> Bool {
        var k = index
        while k >= 0, !chars[k].isWhitespace {
            if !isDigit(chars[k]) { return false }
            k -= 1
        }
        return true
    }

    /// Lengths of the digit groups in a candidate ("040 123-4567" -> [3, 3, 4]).
    private static func groupLengths(_ candidate: ArraySlice<Character>) -> [Int] {
        candidate.split(whereSeparator: { !isDigit($0) }).map(\.count)
    }

    private static func groupValues(_ candidate: ArraySlice<Character>) -> [Int] {
        candidate.split(whereSeparator: { !isDigit($0) }).map {
            $0.reduce(0) { $0 * 10 + (PersonalIdentityCode.asciiDigitValue($1) ?? 0) }
        }
    }
}
