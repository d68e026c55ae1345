import Foundation
import KaikuCore

/// `/figures` as plain values: every organisation's units as a tree, each
/// with the address of its figures page.
struct PublicFiguresIndexModel: Sendable {
    /// A unit as read, in the page's language.
    struct Unit: Sendable {
        var id: UUID
        var parent: UUID?
        var code: String
        var name: String
    }

    /// A line of the tree.
    struct Entry: Sendable, Equatable {
        var code: String
        var name: String
        var href: String
    }

    struct Organisation: Sendable {
        var code: String
        var name: String
        /// The units under each parent code, `nil` for the roots, in name order.
        var children: [String?: [Entry]]

        init(code: String, name: String, units: [Unit], language: Language) {
            self.code = code
            self.name = name
            let codes = Dictionary(units.map { ($0.id, $0.code) }, uniquingKeysWith: { first, _ in first })
            var children: [String?: [Entry]] = [:]
            for unit in units {
                children[unit.parent.flatMap { codes[$0] }, default: []].append(
                    Entry(code: unit.code, name: unit.name, href: PublicFiguresModel.unitAddress(unit.code, organisation: code, language: language)))
            }
            self.children = children.mapValues { $0.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending } }
        }
    }

    var organisations: [Organisation]

    init(organisations: [(code: String, name: String, units: [Unit])], language: Language) {
        self.organisations = organisations.map { Organisation(code: $0.code, name: $0.name, units: $0.units, language: language) }
    }
}
