import Foundation

/// An organisation's own theme starts from its name: "Pysäköinti / Parkering / Parking" says
/// what the theme is about before any correction does. Each name word of four letters or more
/// is stemmed and becomes a seed; a comment word containing a seed (compounds such as
/// "asiakaspysäköinti" included) gives the theme's seed feature, which starts from "likely"
/// (`LearnedModel.seedPrior`) and the corrections confirm or undo.
extension FeedbackFeatures {
    static func ownThemeSignal(_ code: String) -> UInt32 { named("own-theme-name:" + code) }

    /// The features that are always kept for these themes: the reserved ones and own themes' seeds.
    static func reserved(for themes: [String]) -> Set<UInt32> {
        reserved.union(themes.filter { Theme(rawValue: $0) == nil }.map(ownThemeSignal))
    }

    /// The seeds of one own theme from its names (any language; each stemmed as its own language).
    static func seeds(fromNames names: [Language: String]) -> [String] {
        var seeds: Set<String> = []
        for (language, name) in names {
            for token in FeedbackTokenizer.tokens(in: name) where token.scalars.count >= 4 {
                let stem = LightStemmer.stem(token.text, language: language)
                if stem.unicodeScalars.count >= 4 { seeds.insert(stem) }
            }
        }
        return seeds.sorted()
    }

    /// `vector(for:language:)` plus the seed features of the own themes the text mentions.
    static func vector(for text: String, language: Language, seeds: [String: [String]]) -> Vector {
        var vector = vector(for: text, language: language)
        guard !seeds.isEmpty else { return vector }
        let words = FeedbackTokenizer.tokens(in: text).map(\.text)
        for (code, stems) in seeds.sorted(by: { $0.key < $1.key })
        where stems.contains(where: { stem in words.contains { $0.contains(stem) } }) {
            vector.hashes.append(ownThemeSignal(code))
            vector.values.append(1)
        }
        return vector
    }
}
