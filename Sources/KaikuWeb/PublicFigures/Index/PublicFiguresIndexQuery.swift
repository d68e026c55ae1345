import Fluent
import Foundation
import KaikuCore
import KaikuStore

/// Reads every organisation and its units, for the index of figures pages,
/// with each unit's line for the last 12 months from the same published
/// snapshots and the same tree-wide suppression as the units' own pages, so
/// that the index shows nothing a page hides.
enum PublicFiguresIndexQuery {
    static func load(language: Language, search: String?, now: Date, on database: any Database) async throws -> PublicFiguresIndexModel {
        var organisations: [(code: String, name: String, minimumN: Int, units: [PublicFiguresIndexModel.Unit])] = []
        for organisation in try await Organisation.query(on: database).sort(\.$code).all() {
            let units = try await OrgUnit.all(in: organisation.requireID(), on: database)
            let lines = try await PublicFiguresQuery.lines(.last12months, organisation: organisation, units: units, language: language,
                                                           now: now, on: database)
            organisations.append((code: organisation.code, name: organisation.name[language], minimumN: organisation.suppression.minimumN,
                                   units: units.compactMap { unit in
                                       unit.id.map { id in
                                           .init(id: id, parent: unit.parentID, code: unit.code, name: unit.name[language],
                                                 names: Language.allCases.map { unit.name[$0] }, figures: lines[id])
                                       }
                                   }))
        }
        return PublicFiguresIndexModel(organisations: organisations, language: language, search: search)
    }
}
