import Foundation
import KaikuCore

/// The places a customer's search finds (`PlaceSearch` over every name and the keywords),
/// best first, for the start page and `GET /api/v1/targets?q=` alike.
enum TargetSearch {
    /// Without a search, every place in name order of the page's language.
    static func filter(_ entries: [LandingModel.Entry], query: String, language: Language) -> [LandingModel.Entry] {
        PlaceSearch.words(query).isEmpty ? entries.sorted { byName($0, $1, language) } : ranked(entries, query: query, language: language)
    }

    /// The places a search finds, best first (by name among equals); without one, all as given.
    static func ranked(_ entries: [LandingModel.Entry], query: String, language: Language) -> [LandingModel.Entry] {
        guard !PlaceSearch.words(query).isEmpty else { return entries }
        return entries
            .compactMap { entry in
                PlaceSearch.score(query: query, texts: [entry.name.fi, entry.name.sv, entry.name.en, entry.keywords]).map { (entry, $0) }
            }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : byName($0.0, $1.0, language) }
            .map(\.0)
    }

    static func byName(_ lhs: LandingModel.Entry, _ rhs: LandingModel.Entry, _ language: Language) -> Bool {
        lhs.name[language].localizedStandardCompare(rhs.name[language]) == .orderedAscending
    }

    /// The start page's order without a search: service areas by name, places by name within each.
    static func byAreaThenName(_ lhs: LandingModel.Entry, _ rhs: LandingModel.Entry, _ language: Language) -> Bool {
        let areas = lhs.area.name[language].localizedStandardCompare(rhs.area.name[language])
        return areas != .orderedSame ? areas == .orderedAscending : byName(lhs, rhs, language)
    }
}
