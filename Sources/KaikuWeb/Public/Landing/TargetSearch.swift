import Foundation
import KaikuCore

/// Matching of what a customer types against target names and keywords in
/// any language, forgiving case and Nordic letters typed without dots.
enum TargetSearch {
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    static func filter(_ entries: [LandingModel.Entry], query: String, language: Language) -> [LandingModel.Entry] {
        let words = fold(query).split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
        let matched = words.isEmpty ? entries : entries.filter { entry in
            let haystack = fold([entry.name.fi, entry.name.sv, entry.name.en, entry.keywords].joined(separator: " "))
            return words.allSatisfy { haystack.contains($0) }
        }
        return matched.sorted { $0.name[language].localizedStandardCompare($1.name[language]) == .orderedAscending }
    }
}
