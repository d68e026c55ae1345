import Fluent
import Foundation
import KaikuCore
import KaikuStore

/// Reads what the import pages list: the organisation's units or targets as they are now.
enum AdminImportQuery {
    static func load(_ kind: AdminImportModel.Kind, organisationID: UUID, language: Language, on database: any Database) async throws -> AdminImportModel {
        var model = AdminImportModel(kind: kind)
        let units = try await UnitImport.current(organisationID: organisationID, on: database)
        switch kind {
        case .units:
            model.units = AdminImportModel.unitRows(units, language: language)
        case .targets:
            let closed = Set(AdminImportModel.unitRows(units, language: language).filter { $0.closed || $0.closedAbove }.map(\.code))
            model.targets = try await TargetImport.current(organisationID: organisationID, on: database).map { target in
                AdminImportModel.TargetRow(code: target.code, name: target.name[language], unit: target.unit, keywords: target.keywords,
                                           active: target.active, unitClosed: closed.contains(target.unit))
            }
        }
        return model
    }
}
