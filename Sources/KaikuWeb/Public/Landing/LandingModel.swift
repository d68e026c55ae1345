import KaikuCore

/// What the start page shows: the search as typed and the targets it finds, grouped by
/// service area (the organisation's main branches), each linking to its form in the page's language.
struct LandingModel: Sendable {
    struct Entry: Sendable, Equatable {
        var code: String
        var name: LocalizedText
        /// Extra search words in any language ("hammaslääkäri tandläkare dentist"); never shown.
        var keywords: String = ""
        /// The code of the unit the place belongs to.
        var unit: String = ""
        /// The service area the place belongs to: the child of the organisation's root above its unit.
        var area: Area = .none
    }

    struct Area: Sendable, Equatable, Hashable {
        var code: String
        var name: LocalizedText

        static let none = Area(code: "", name: LocalizedText(fi: "", sv: "", en: ""))
    }

    struct Match: Sendable, Equatable {
        var name: String
        var href: String
    }

    struct Group: Sendable, Equatable {
        /// The service area's name; empty for places outside any.
        var title: String
        var matches: [Match]
    }

    static let maxQueryLength = PlaceSearch.maxQueryLength

    /// The search as typed, cut to `maxQueryLength`.
    var query: String
    /// The places found by service area: without a search the areas in name order, with one
    /// the area of the best match first.
    var groups: [Group]
    /// Every place found, in the order of `groups`.
    var matches: [Match] { groups.flatMap(\.matches) }

    init(entries: [Entry], search: String?, language: Language) {
        query = String((search ?? "").prefix(Self.maxQueryLength))
        var found = TargetSearch.filter(entries, query: query, language: language)
        if PlaceSearch.words(query).isEmpty {
            found.sort { TargetSearch.byAreaThenName($0, $1, language) }
        }
        var order: [Area] = []
        var byArea: [Area: [Match]] = [:]
        for entry in found {
            if byArea[entry.area] == nil { order.append(entry.area) }
            byArea[entry.area, default: []].append(
                Match(name: entry.name[language], href: SiteURL.form(.value(entry.code)).url(language: language)))
        }
        groups = order.map { Group(title: $0.name[language], matches: byArea[$0] ?? []) }
    }
}
