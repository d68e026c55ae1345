/// The words that give a feedback answer its tone, per language, in `StemPattern` notation
/// (see `ThemeLexicon`).
public enum SentimentLexicon {

    /// One language's sentiment vocabulary.
    public struct Words: Sendable {
        /// Count +1 each.
        public let positive: [String]
        /// Count −1 each.
        public let negative: [String]
        /// Thanking words count only +½: "kiitos" closes many complaints out of politeness,
        /// and must not cancel the complaint ("Kukaan ei vastannut. Kiitos." is negative).
        public let courtesy: [String]
        /// Words and phrases that contain a sentiment stem without carrying its tone: greetings
        /// ("hyvää päivää"), "kind of", comparatives that ask for better ("nopeampaa"). They
        /// count 0 and, being longer matches, hide the stem from the other lists.
        public let neutral: [String]
        /// Words that flip the polarity of a sentiment word shortly after them.
        public let negations: Set<String>
        /// Negations that also flip the word right before them: Swedish puts "inte" after
        /// the finite verb ("appen fungerade inte", "läkaren lyssnade inte").
        public let postposedNegations: Set<String>
    }

    public static let positiveWeight = 1.0
    public static let negativeWeight = -1.0
    public static let courtesyWeight = 0.5

    public static func words(for language: Language) -> Words {
        switch language {
        case .fi: return finnish
        case .sv: return swedish
        case .en: return english
        }
    }

    /// Negations that are ordinary words in another of the three languages: Finnish "en"
    /// (I don't) is the Swedish article, English "no" a Finnish filler ("no niin"). They count
    /// only when the text is judged to be in their own language.
    static let negationsOnlyInOwnLanguage: Set<String> = ["en", "no"]

    /// Words a negation reaches over, so that "ei ollut kovin hyvä", "inte särskilt trevlig"
    /// and "not very helpful" are negated although the negation is three words back.
    static let intensifiers: Set<String> = [
        "kovin", "kovinkaan", "yhtään", "lainkaan", "ollenkaan", "erityisen", "erityisemmin",
        "niin", "näin", "noin", "kauhean", "hirveän", "mitenkään", "juurikaan", "ihan", "aivan",
        "todella", "tarpeeksi", "riittävän", "edes", "kyllä", "mitään",
        "särskilt", "speciellt", "så", "alls", "direkt", "helt", "riktigt", "tillräckligt",
        "heller", "ens", "något", "alltför",
        "very", "so", "too", "really", "particularly", "especially", "at", "all", "quite",
        "overly", "exactly", "even", "entirely", "completely", "totally", "always", "that",
    ]

    /// The negations in force for a text judged to be in `language`: all of that language's,
    /// plus the unambiguous ones of the other two (writers mix languages).
    static func negations(forTextIn language: Language) -> Set<String> {
        negationsByTextLanguage[language] ?? []
    }

    private static let negationsByTextLanguage: [Language: Set<String>] = {
        var result: [Language: Set<String>] = [:]
        for language in Language.allCases {
            var set = words(for: language).negations
            for other in Language.allCases where other != language {
                set.formUnion(words(for: other).negations.subtracting(negationsOnlyInOwnLanguage))
            }
            result[language] = set
        }
        return result
    }()

    /// Postposed negations of all languages; none of them is an ordinary word elsewhere.
    static let postposedNegations: Set<String> = Language.allCases.reduce(into: []) {
        $0.formUnion(words(for: $1).postposedNegations)
    }

    /// Every entry of every language with its weight, flattened for `StemIndex`.
    static var allEntries: [(language: Language, notation: String, payload: Double)] {
        var entries: [(language: Language, notation: String, payload: Double)] = []
        for language in Language.allCases {
            let words = words(for: language)
            entries += words.positive.map { (language, $0, positiveWeight) }
            entries += words.negative.map { (language, $0, negativeWeight) }
            entries += words.courtesy.map { (language, $0, courtesyWeight) }
            entries += words.neutral.map { (language, $0, 0) }
        }
        return entries
    }
}
