import KaikuCore

/// What the start page shows: the search as typed and the targets it finds,
/// each linking to its form in the page's language.
struct LandingModel: Sendable {
    struct Entry: Sendable, Equatable {
        var code: String
        var name: LocalizedText
        /// Extra search words in any language ("hammaslääkäri tandläkare dentist"); never shown.
        var keywords: String = ""
    }

    struct Match: Sendable, Equatable {
        var name: String
        var href: String
    }

    /// Longer searches are cut here: no place has a longer name.
    static let maxQueryLength = 100

    /// The search as typed, cut to `maxQueryLength`.
    var query: String
    /// The matching targets in name order of the page's language.
    var matches: [Match]

    init(entries: [Entry], search: String?, language: Language) {
        query = String((search ?? "").prefix(Self.maxQueryLength))
        matches = TargetSearch.filter(entries, query: query, language: language).map { entry in
            Match(name: entry.name[language], href: SiteURL.form(.value(entry.code)).url(language: language))
        }
    }
}
