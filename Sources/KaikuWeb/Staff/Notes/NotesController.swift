import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/staff/notes`: supervisors and administrators write "what we did" notes
/// for the units of their part of the tree, in Finnish and optionally Swedish
/// and English, and publish them on the unit's public figures page and
/// widget. Every change is in the audit log (`note.*`).
struct NotesController: RouteCollection {
    static func mayWrite(_ role: User.Role) -> Bool { [.administrator, .supervisor].contains(role) }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.notes).pathComponents, use: list)
        routes.post(SiteURL.staff(.notes).pathComponents, use: create)
        routes.get(SiteURL.staff(.note(.key)).pathComponents, use: edit)
        routes.post(SiteURL.staff(.note(.key)).pathComponents, use: update)
        for action in SiteURL.NoteFormAction.allCases {
            routes.post(SiteURL.staff(.noteAction(.key, action)).pathComponents) { request in try await self.act(request, action) }
        }
    }

    func list(_ request: Request) async throws -> Response {
        let scope = try await writer(request)
        let unit = try NotesQuery.unit(request.queryStrings["unit"], scope: scope, notFound: text(request, "staff.notes.unitNotFound"))
        var model = try await NotesQuery.load(unit: unit, scope: scope, context: request.pageContext, on: request.db)
        model.notice = NotesModel.notice(done: request.queryStrings["done"])
        return page(request, model)
    }

    func create(_ request: Request) async throws -> Response {
        let scope = try await writer(request)
        let form = (try? request.content.decode(NoteForm.self)) ?? NoteForm()
        let unit = try NotesQuery.unit(form.unit, scope: scope, notFound: text(request, "staff.notes.unitNotFound"))
        let checked: UnitNoteText
        do {
            checked = try UnitNoteText.checked(fi: form.fi, sv: form.sv, en: form.en)
        } catch {
            return try await refuse(request, scope: scope, unit: unit, editing: nil, form: form, problem: error)
        }
        _ = try await UnitNotes.add(organisationID: scope.staff.organisationID, unit: unit, text: checked, publish: form.publishNow,
                                    by: scope.staff.userID, actor: scope.staff.auditActor, at: request.kaiku.clock.now, on: request.db)
        return done(request, unit: unit, form.publishNow ? "published" : "added")
    }

    func edit(_ request: Request) async throws -> Response {
        let scope = try await writer(request)
        let (note, unit) = try await find(request, scope)
        let model = try await NotesQuery.load(unit: unit, scope: scope, editing: note, context: request.pageContext, on: request.db)
        return page(request, model)
    }

    func update(_ request: Request) async throws -> Response {
        let scope = try await writer(request)
        let (note, unit) = try await find(request, scope)
        let form = (try? request.content.decode(NoteForm.self)) ?? NoteForm()
        let checked: UnitNoteText
        do {
            checked = try UnitNoteText.checked(fi: form.fi, sv: form.sv, en: form.en)
        } catch {
            return try await refuse(request, scope: scope, unit: unit, editing: note, form: form, problem: error)
        }
        try await UnitNotes.update(note, unit: unit, text: checked, actor: scope.staff.auditActor, at: request.kaiku.clock.now, on: request.db)
        return done(request, unit: unit, "updated")
    }

    func act(_ request: Request, _ action: SiteURL.NoteFormAction) async throws -> Response {
        let scope = try await writer(request)
        let (note, unit) = try await find(request, scope)
        let actor = scope.staff.auditActor, now = request.kaiku.clock.now
        switch action {
        case .publish, .withdraw:
            try await UnitNotes.setPublished(note, action == .publish, unit: unit, actor: actor, at: now, on: request.db)
            return done(request, unit: unit, action == .publish ? "published" : "withdrawn")
        case .delete:
            try await UnitNotes.delete(note, unit: unit, actor: actor, at: now, on: request.db)
            return done(request, unit: unit, "deleted")
        }
    }

    /// Handlers and analysts may read the public page but not write on it.
    private func writer(_ request: Request) async throws -> StaffScope {
        let scope = try await request.requireScope()
        guard Self.mayWrite(scope.staff.role) else { throw Abort(.forbidden, reason: text(request, "staff.notes.forbidden")) }
        return scope
    }

    /// The note of the address, in the signer's part of the tree.
    private func find(_ request: Request, _ scope: StaffScope) async throws -> (UnitNote, OrgUnit) {
        guard let note = try await UnitNotes.find(request.parameters.get("id", as: UUID.self), organisationID: scope.staff.organisationID,
                                                  on: request.db),
              scope.canSee(unit: note.unitID), let unit = scope.units[note.unitID] else {
            throw Abort(.notFound, reason: text(request, "staff.notes.notFound"))
        }
        return (note, unit)
    }

    private func refuse(_ request: Request, scope: StaffScope, unit: OrgUnit, editing: UnitNote?, form: NoteForm,
                        problem: UnitNoteText.Problem) async throws -> Response {
        var model = try await NotesQuery.load(unit: unit, scope: scope, editing: editing, context: request.pageContext, on: request.db)
        model.draft = .init(fi: form.fi ?? "", sv: form.sv ?? "", en: form.en ?? "", publish: form.publishNow)
        model.problem = problem
        return page(request, model, status: .badRequest)
    }

    private func done(_ request: Request, unit: OrgUnit, _ what: String) -> Response {
        request.redirect(to: SiteURL.staff(.notes).url([("unit", unit.code), ("done", what)]) + "#notice", redirectType: .normal)
    }

    private func page(_ request: Request, _ model: NotesModel, status: HTTPResponseStatus = .ok) -> Response {
        .html(NotesPage(context: request.pageContext, model: model).render(), status: status)
    }

    private func text(_ request: Request, _ key: String) -> String {
        request.kaiku.catalogue.text(key, request.pageLanguage)
    }
}
