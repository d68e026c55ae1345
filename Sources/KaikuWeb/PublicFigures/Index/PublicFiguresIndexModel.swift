import Foundation
import KaikuCore

/// `/figures` as plain values: every organisation's units as a tree, each
/// with the address of its figures page and its NPS and n over the last 12
/// months as published (hidden where its own page hides them), or, after a
/// search, the units whose name matches in any language.
struct PublicFiguresIndexModel: Sendable {
    /// A unit as read, in the page's language.
    struct Unit: Sendable {
        var id: UUID
        var parent: UUID?
        var code: String
        var name: String
        /// Its names in every language, so that "tandvård" finds "Hammashoitola" too.
        var names: [String] = []
        /// Its line for the last 12 months, already suppressed.
        var figures: PublicPeriodFigures.Child?
    }

    /// A line of the tree.
    struct Entry: Sendable, Equatable {
        var code: String
        var name: String
        var href: String
        var n: Int? = nil
        var nps: Int? = nil
        var hidden: PublicSuppression.Reason? = nil
    }

    struct Organisation: Sendable {
        var code: String
        var name: String
        /// Below this many answers a figure is hidden, as "fewer than n".
        var minimumN: Int
        /// The units under each parent code, `nil` for the roots, in name order.
        var children: [String?: [Entry]]
        /// With a search: the matching units in name order, without their tree.
        var matches: [Entry] = []

        init(code: String, name: String, minimumN: Int = SuppressionPolicy.defaultMinimumN, units: [Unit], language: Language, query: String = "") {
            self.code = code
            self.name = name
            self.minimumN = minimumN
            let codes = Dictionary(units.map { ($0.id, $0.code) }, uniquingKeysWith: { first, _ in first })
            var children: [String?: [Entry]] = [:]
            var found: [Entry] = []
            for unit in units {
                let entry = Entry(code: unit.code, name: unit.name,
                                  href: PublicFiguresModel.unitAddress(unit.code, organisation: code, language: language),
                                  n: unit.figures?.n, nps: unit.figures?.nps, hidden: unit.figures?.hidden)
                children[unit.parent.flatMap { codes[$0] }, default: []].append(entry)
                if !query.isEmpty, Self.isMatch(unit, query) { found.append(entry) }
            }
            self.children = children.mapValues(Self.sorted)
            matches = Self.sorted(found)
        }

        private static func sorted(_ entries: [Entry]) -> [Entry] {
            entries.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
        }

        /// Every word of the query in one of the unit's names or its code, ignoring case and accents.
        static func isMatch(_ unit: Unit, _ query: String) -> Bool {
            let haystacks = [unit.name, unit.code] + unit.names
            return query.split(whereSeparator: \.isWhitespace).allSatisfy { word in
                haystacks.contains { $0.range(of: word, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
            }
        }
    }

    static let maxQueryLength = 100

    var organisations: [Organisation]
    /// The search as typed, trimmed; empty shows every unit in its tree.
    var query: String = ""

    var matchCount: Int { organisations.reduce(0) { $0 + $1.matches.count } }

    init(organisations: [(code: String, name: String, minimumN: Int, units: [Unit])], language: Language, search: String? = nil) {
        query = String((search ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(Self.maxQueryLength))
        let query = self.query
        self.organisations = organisations.map { Organisation(code: $0.code, name: $0.name, minimumN: $0.minimumN, units: $0.units, language: language, query: query) }
    }
}
