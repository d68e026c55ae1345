import Foundation

/// A text folded into the plain spelling the masker's matchers understand, with the way back
/// to the original.
///
/// People (and probes) write personal data with look-alike characters: full-width digits and
/// letters (`１３１０５２－３０８Ｔ`), any of a dozen dashes (en dash, minus sign, non-breaking
/// hyphen...), no-break and narrow no-break spaces, and invisible characters (zero-width space,
/// joiners, soft hyphen, byte order mark) in the middle of a number. Folding, character by
/// character of the original:
/// 1. Unicode compatibility normalisation (NFKC): full-width and other compatibility forms
///    become their plain forms (`１` → `1`, `Ｔ` → `T`, `＠` → `@`, `…` → `...`);
/// 2. invisible format characters (general category Cf, e.g. U+200B, U+200C, U+200D, U+2060,
///    U+FEFF, U+00AD, the bidirectional controls) and the combining grapheme joiner are removed;
/// 3. every dash (the Unicode `Dash` property: U+2010–U+2015, U+2212, ...) becomes `-`;
/// 4. every space separator (general category Zs: no-break, narrow no-break, figure, ideographic
///    spaces...) becomes ` `. Tabs and line breaks are kept, so a number never runs across lines.
///
/// `origin[k]` is the index, in the original character array, of the character that folded
/// character `k` came from, so a match found in the folded text is replaced in the original
/// text exactly over the characters it spans; everything else in the original is kept as it
/// was. ASCII characters are kept as they are without any work, so folding ordinary text costs
/// one pass; every character is folded on its own, so folding is linear in the text's length.
struct FoldedText {
    /// The folded characters the matchers read.
    private(set) var chars: [Character] = []
    /// For each folded character, the index of the original character it came from.
    private(set) var origin: [Int] = []

    init(_ original: [Character]) {
        chars.reserveCapacity(original.count)
        origin.reserveCapacity(original.count)
        for (index, character) in original.enumerated() {
            if character.isASCII {
                chars.append(character)
                origin.append(index)
                continue
            }
            for folded in Self.fold(character) {
                chars.append(folded)
                origin.append(index)
            }
        }
    }

    /// The range of original characters that the folded characters in `range` came from: from
    /// the first one's original to the last one's, including any invisible characters between.
    func originalRange(of range: Range<Int>) -> Range<Int> {
        origin[range.lowerBound]..<(origin[range.upperBound - 1] + 1)
    }

    /// Maps ascending, non-overlapping folded ranges to original ranges. Two matches can never
    /// share an original character (possible only when one character folds into several).
    func originalRanges(of ranges: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for range in ranges where !range.isEmpty {
            let original = originalRange(of: range)
            if let last = result.last, original.lowerBound < last.upperBound { continue }
            result.append(original)
        }
        return result
    }

    /// One non-ASCII character folded: zero characters (an invisible one), one or, for a few
    /// compatibility forms such as `…` or `½`, several.
    static func fold(_ character: Character) -> [Character] {
        let normalised = String(character).precomposedStringWithCompatibilityMapping
        var scalars = String.UnicodeScalarView()
        for scalar in normalised.unicodeScalars {
            let properties = scalar.properties
            if properties.generalCategory == .format || scalar == "\u{034F}" { continue }
            if properties.isDash {
                scalars.append("-")
            } else if properties.generalCategory == .spaceSeparator {
                scalars.append(" ")
            } else {
                scalars.append(scalar)
            }
        }
        return Array(String(scalars))
    }
}
