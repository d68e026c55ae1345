/// Light suffix-stripping stemmers for Finnish, Swedish and English, in the spirit of
/// Snowball but much smaller: one pass that removes the longest inflectional suffix
/// leaving a stem of at least `minimumStem` letters.
///
/// Written here rather than linked from libstemmer so that `swift run kaiku demo` needs
/// nothing installed. The stems only have to make "jonossa", "jonoon" and "jonotin" share
/// a feature; the character n-grams beside them (`FeedbackFeatures`) cover what a light
/// stemmer misses, such as Finnish consonant gradation ("hoito" / "hoidon").
enum LightStemmer {

    static let minimumStem = 3
    private static let finnishVowels = Set("aäeioöuy".unicodeScalars)

    static func stem(_ word: String, language: Language) -> String {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count > minimumStem + 1 else { return word }
        let byLastLetter: [Unicode.Scalar: [[Unicode.Scalar]]]
        switch language {
        case .fi: byLastLetter = finnishSuffixes
        case .sv: byLastLetter = swedishSuffixes
        case .en: byLastLetter = englishSuffixes
        }
        var stem = scalars
        // Finnish stacks a clitic or possessive on a case ending ("jonossakin", "lapsellemme"):
        // two passes strip both; Swedish and English need one.
        let passes = language == .fi ? 2 : 1
        for _ in 0..<passes {
            guard let last = stem.last, let suffixes = byLastLetter[last],
                  let suffix = suffixes.first(where: { stem.count - $0.count >= minimumStem && stem.ends(with: $0) })
            else { break }
            stem.removeLast(suffix.count)
        }
        // The stem vowel varies with the case ("hoito", "hoitoa", "hoitoja") and doubles in
        // the illative ("jonoon"): drop the trailing vowels.
        while language == .fi, stem.count > minimumStem, let last = stem.last, finnishVowels.contains(last) {
            stem.removeLast()
        }
        return String(String.UnicodeScalarView(stem))
    }

    /// Filed by last letter, longest first, so that the longest matching suffix is the one
    /// removed and a word is compared only with the suffixes that end as it does.
    private static func sorted(_ list: [String]) -> [Unicode.Scalar: [[Unicode.Scalar]]] {
        let suffixes = Set(list).map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count || ($0.count == $1.count && String(String.UnicodeScalarView($0)) < String(String.UnicodeScalarView($1))) }
        return Dictionary(grouping: suffixes) { $0[$0.count - 1] }
    }

    private static let finnishSuffixes = sorted([
        // clitics and possessives
        "kin", "kaan", "kään", "han", "hän", "pa", "pä", "ni", "si", "nsa", "nsä", "mme", "nne", "an", "än",
        // cases, singular and plural
        "ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "na", "nä", "ksi", "tta", "ttä",
        "ineen", "iden", "itten", "ien", "jen", "en", "in", "a", "ä", "n", "t", "ta", "tä",
        "issa", "issä", "ista", "istä", "illa", "illä", "ilta", "iltä", "ille", "ina", "inä", "iksi",
        "ihin", "isiin", "seen", "hin", "hon", "hun", "hön", "hyn", "ja", "jä", "ia", "iä",
        // common verb endings: past, passive, participles
        "in", "it", "i", "imme", "itte", "ivat", "ivät", "vat", "vät", "taan", "tään", "ttiin", "tiin",
        "nut", "nyt", "neet", "tu", "ty", "ttu", "tty", "maan", "mään", "massa", "mässä", "minen",
        "mista", "mistä", "va", "vä", "vien", "via", "viä",
    ])

    private static let swedishSuffixes = sorted([
        "heterna", "hetens", "anden", "heten", "heter", "arnas", "ernas", "ornas", "andes", "arens",
        "andet", "arna", "erna", "orna", "ande", "arne", "aste", "aren", "ades", "erns", "ade", "are",
        "ern", "ens", "het", "ast", "ad", "en", "ar", "er", "or", "as", "es", "at", "a", "e", "s",
        "ts", "te", "de", "t", "na", "ning", "ningen", "ningar", "lig", "ligt", "liga", "ligen",
    ])

    private static let englishSuffixes = sorted([
        "ational", "ations", "ation", "ness", "ments", "ment", "ingly", "ing", "edly", "ed", "ies",
        "ied", "ly", "es", "s", "er", "ers", "ful", "ive", "ity", "able", "ably",
    ])
}

private extension Array where Element == Unicode.Scalar {
    func ends(with suffix: [Unicode.Scalar]) -> Bool {
        guard suffix.count <= count else { return false }
        var index = 0
        let offset = count - suffix.count
        while index < suffix.count {
            if self[offset + index] != suffix[index] { return false }
            index += 1
        }
        return true
    }
}
