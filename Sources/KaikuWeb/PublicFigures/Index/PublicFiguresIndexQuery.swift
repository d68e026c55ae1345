import Fluent
import KaikuCore
import KaikuStore

/// Reads every organisation and its units, for the index of figures pages.
enum PublicFiguresIndexQuery {
    static func load(language: Language, on database: any Database) async throws -> PublicFiguresIndexModel {
        var organisations: [(code: String, name: String, units: [PublicFiguresIndexModel.Unit])] = []
        for organisation in try await Organisation.query(on: database).sort(\.$code).all() {
            let units = try await OrgUnit.all(in: organisation.requireID(), on: database)
            organisations.append((code: organisation.code, name: organisation.name[language],
                                   units: units.compactMap { unit in
                                       unit.id.map { .init(id: $0, parent: unit.parentID, code: unit.code, name: unit.name[language]) }
                                   }))
        }
        return PublicFiguresIndexModel(organisations: organisations, language: language)
    }
}
