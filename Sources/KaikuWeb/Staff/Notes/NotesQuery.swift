import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Reads the notes page of one unit in the signer's part of the tree.
enum NotesQuery {
    static func load(unit: OrgUnit, scope: StaffScope, editing: UnitNote? = nil, context: PageContext,
                     on database: any Database) async throws -> NotesModel {
        guard let organisation = try await Organisation.find(scope.staff.organisationID, on: database) else { throw Abort(.forbidden) }
        let unitID = try unit.requireID()
        let language = context.language
        let notes = try await UnitNotes.all(unitID: unitID, organisationID: scope.staff.organisationID, on: database)
        var model = NotesModel(
            unitCode: unit.code, unitName: unit.name[language],
            unitOptions: scope.unitOptions(under: scope.staff.unitID, language: language),
            notes: notes.compactMap { note in
                note.id.map { id in
                    NotesModel.Note(id: id, text: note.text,
                                    published: note.publishedAt.map { NotesModel.day($0, zone: organisation.timeZone, language: language) },
                                    written: NotesModel.day(note.createdAt, zone: organisation.timeZone, language: language))
                }
            },
            editing: editing?.id,
            publicPage: PublicFiguresModel.unitAddress(unit.code, organisation: organisation.code, language: language),
            closed: scope.closedForCustomers.contains(unitID))
        if let editing {
            model.draft = .init(fi: editing.textFi, sv: editing.textSv ?? "", en: editing.textEn ?? "", publish: editing.publishedAt != nil)
        }
        return model
    }

    /// The unit asked for, or the signer's own; a unit outside their part of the tree is not found.
    static func unit(_ code: String?, scope: StaffScope, notFound: String) throws -> OrgUnit {
        guard let code, !code.isEmpty else {
            guard let own = scope.units[scope.staff.unitID] else { throw Abort(.forbidden) }
            return own
        }
        guard PlainIdentifier.isPlain(code), let unit = scope.unit(code: code), let unitID = unit.id, scope.canSee(unit: unitID) else {
            throw Abort(.notFound, reason: notFound)
        }
        return unit
    }
}
