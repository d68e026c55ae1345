/// Decides which language an answer is actually written in.
///
/// The form's language is only a hint: a Swedish speaker often answers on the Finnish form.
/// The analyser gives full weight to the lexicon of the language decided here and less to
/// the other two, so this decision must not hand a foreign-language answer the low weight,
/// or a one-word "Tack!" on the Finnish form would not even reach the theme threshold.
enum FeedbackLanguageGuesser {

    /// Frequent short words of each language. Words that are common in two of the languages
    /// ("en", "on", "i", "men", "se", "no", "me", "he", "jo") are left out: they would prove nothing.
    static let functionWords: [Language: Set<String>] = [
        .fi: [
            "ja", "oli", "ole", "olen", "olin", "olisi", "ovat", "olivat", "ei", "että", "mutta",
            "kun", "myös", "vain", "kuin", "niin", "tämä", "tämän", "sitä", "siitä", "joka",
            "jotka", "minä", "minun", "minulle", "minua", "meille", "sain", "saanut", "vaikka",
            "koska", "eikä", "kanssa", "jälkeen", "aina", "vielä", "erittäin", "todella", "hyvin",
            "kaikki", "mitään", "kukaan", "nyt", "sekä", "tai", "hän",
        ],
        .sv: [
            "och", "är", "var", "inte", "att", "det", "jag", "ett", "med", "för", "på", "som",
            "till", "av", "har", "hade", "mycket", "min", "mitt", "mig", "vi", "oss", "de", "den",
            "när", "eller", "också", "bara", "kunde", "fick", "väldigt", "ingen", "inga", "blev",
            "efter", "där", "här", "hur", "vad", "sedan", "nu", "alla", "mina", "från", "om",
        ],
        .en: [
            "the", "and", "is", "was", "not", "to", "of", "it", "for", "with", "my", "very", "but",
            "have", "had", "this", "that", "they", "were", "be", "been", "we", "at", "from",
            "could", "would", "got", "really", "did", "nobody", "there", "an", "our", "after",
            "when", "what", "you", "your", "all", "which", "about", "by",
        ],
    ]

    /// One hash lookup per token instead of one per language.
    private static let languagesByFunctionWord: [String: [Language]] = functionWords.reduce(into: [:]) {
        for word in $1.value { $0[word, default: []].append($1.key) }
    }

    /// The form's language unless another language has strictly more evidence: function words
    /// plus the lexicon matches each language contributed (passed in as `lexiconHits`).
    static func textLanguage(
        of tokens: [FeedbackToken], lexiconHits: [Language: Int], formLanguage: Language
    ) -> Language {
        var evidence = lexiconHits
        for token in tokens {
            guard let languages = languagesByFunctionWord[token.text] else { continue }
            for language in languages { evidence[language, default: 0] += 1 }
        }
        var best = formLanguage
        var bestCount = evidence[formLanguage] ?? 0
        for language in Language.allCases where (evidence[language] ?? 0) > bestCount {
            best = language
            bestCount = evidence[language] ?? 0
        }
        return best
    }
}
