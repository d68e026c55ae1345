/// The keyword stems that point a feedback answer to a theme, per language.
///
/// Each entry uses the `StemPattern` notation: a plain stem matches the start of a word,
/// `=word` only the whole word, `*stem` (six letters or more) also inside a compound word,
/// and space-separated parts match consecutive words. Tokens are lower-case NFC, with
/// punctuation (including hyphens) as separators, so "Omakanta-palvelu" is two tokens.
///
/// Stems are chosen for precision over recall: a stem that also begins common unrelated
/// words (Finnish "sivu" → "sivuvaikutus", English "app" → "appointment") is replaced by
/// whole-word entries. `TextAnalyser` consults all three languages, so a stem needs to be
/// listed only under the language it belongs to.
public enum ThemeLexicon {

    /// The stems for one language, in the notation described above.
    public static func stems(for language: Language) -> [Theme: [String]] {
        switch language {
        case .fi: return finnish
        case .sv: return swedish
        case .en: return english
        }
    }

    /// Every entry of every language, flattened for `StemIndex`.
    static var allEntries: [(language: Language, notation: String, payload: Theme)] {
        var entries: [(language: Language, notation: String, payload: Theme)] = []
        for language in Language.allCases {
            let lexicon = stems(for: language)
            // Fixed order, so that the index (and any tie inside it) is the same every run.
            for theme in Theme.allCases {
                for stem in lexicon[theme] ?? [] { entries.append((language, stem, theme)) }
            }
        }
        return entries
    }
}
