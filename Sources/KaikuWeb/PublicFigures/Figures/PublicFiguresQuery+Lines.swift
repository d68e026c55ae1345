import FluentKit
import Foundation
import KaikuCore
import KaikuStore

extension PublicFiguresQuery {
    /// Every unit's n and NPS for `period` from the published snapshots,
    /// hidden by the same tree-wide masks as the units' own pages and their
    /// parents' tables of child units: one list of all units can show no
    /// more than those pages do.
    static func lines(
        _ period: PublicPeriod, organisation: Organisation, units: [OrgUnit], language: Language, now: Date, on database: any Database
    ) async throws -> [UUID: PublicPeriodFigures.Child] {
        let snapshots = try await PublicFigureSnapshots.current(organisation: organisation, units: units, now: now, on: database)
        let tallies = (snapshots[period] ?? [:]).mapValues(\.tally)
        let tree = OrgTree(units.compactMap { unit in unit.id.map { (id: $0, parent: unit.parentID) } })
        let policy = organisation.suppression
        // Statement masks do not touch n or NPS, so none are asked for.
        let masks = PublicSuppression.masks(tree: tree, tallies: tallies, statementOrder: [], policy: policy)
        var lines: [UUID: PublicPeriodFigures.Child] = [:]
        for unit in units {
            guard let id = unit.id else { continue }
            lines[id] = PublicPeriodFigures.child(code: unit.code, name: unit.name[language], tally: tallies[id] ?? .empty,
                                                  mask: masks[id] ?? .init(), policy: policy)
        }
        return lines
    }
}
