import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/staff/admin/units` and `/staff/admin/targets/import`: the tree or the
/// targets as they are, an upload that first shows what would change, and
/// Apply, which applies exactly the previewed file — or, when the tree has
/// changed since, shows the new preview instead. The same import as the API.
struct AdminImportController: RouteCollection {
    /// The upload form: the 5 MiB file as multipart, or again as base64 with Apply.
    static let maxFormBytes = 8 * 1024 * 1024

    func boot(routes: any RoutesBuilder) throws {
        for kind in [AdminImportModel.Kind.units, .targets] {
            routes.get(kind.address.pathComponents) { try await page($0, kind: kind) }
            let post = routes.on(.POST, kind.address.pathComponents, body: .collect(maxSize: ByteCount(value: Self.maxFormBytes))) {
                try await submit($0, kind: kind)
            }
            post.userInfo[StaffPageGuard.bodyLimitKey] = Self.maxFormBytes
        }
    }

    func page(_ request: Request, kind: AdminImportModel.Kind) async throws -> Response {
        let organisation = try await administrator(request)
        var model = try await load(request, kind: kind, organisation: organisation)
        model.applied = AdminImportModel.applied(from: request.queryStrings["applied"])
        return .html(AdminImportPage(context: request.pageContext, model: model).render())
    }

    func submit(_ request: Request, kind: AdminImportModel.Kind) async throws -> Response {
        let organisation = try await administrator(request)
        let form = (try? request.content.decode(AdminImportForm.self)) ?? AdminImportForm()
        let text: String, payload: String
        switch form.text() {
        case .failure(let problem):
            var model = try await load(request, kind: kind, organisation: organisation)
            model.fileError = problem
            return .html(AdminImportPage(context: request.pageContext.at(kind.address), model: model).render(), status: .badRequest)
        case .success(let upload):
            (text, payload) = upload
        }
        let actor = try actor(request)
        let language = request.pageLanguage
        let expecting = form.applying ? form.fingerprint ?? "" : nil
        let preview: AdminImportModel.Preview
        switch kind {
        case .units:
            let (plan, applied) = try await TreeImportRun.units(text, organisation: organisation, closeMissing: form.closesMissing, dryRun: !form.applying,
                                                                expecting: expecting, actor: actor, app: request.application)
            if applied { return done(request, kind, plan.counts) }
            preview = .init(counts: plan.counts, changes: AdminImportModel.changeRows(plan.changes, language: language), errors: plan.errors,
                            payload: payload, closeMissing: form.closesMissing, fingerprint: plan.fingerprint, changedSincePreview: form.applying)
        case .targets:
            let (plan, applied) = try await TreeImportRun.targets(text, organisation: organisation, dryRun: !form.applying,
                                                                  expecting: expecting, actor: actor, app: request.application)
            if applied { return done(request, kind, plan.counts) }
            preview = .init(counts: plan.counts, changes: AdminImportModel.changeRows(plan.changes, language: language), errors: plan.errors,
                            payload: payload, closeMissing: false, fingerprint: plan.fingerprint, changedSincePreview: form.applying)
        }
        var model = try await load(request, kind: kind, organisation: organisation)
        model.preview = preview
        return .html(AdminImportPage(context: request.pageContext.at(kind.address), model: model).render(),
                     status: preview.errors.isEmpty ? .ok : .badRequest)
    }

    private func done(_ request: Request, _ kind: AdminImportModel.Kind, _ counts: ImportCounts) -> Response {
        request.redirect(to: kind.address.url(language: request.pageLanguage, [("applied", AdminImportModel.appliedQuery(counts))]))
    }

    private func load(_ request: Request, kind: AdminImportModel.Kind, organisation: Organisation) async throws -> AdminImportModel {
        try await AdminImportQuery.load(kind, organisationID: try organisation.requireID(), language: request.pageLanguage, on: request.db)
    }

    /// Only an administrator of the whole organisation: the file describes all of it.
    private func administrator(_ request: Request) async throws -> Organisation {
        let scope = try await request.requireScope()
        guard scope.isOrganisationAdministrator,
              let organisation = try await Organisation.find(scope.staff.organisationID, on: request.db) else {
            throw Abort(.forbidden, reason: request.kaiku.catalogue.text("staff.import.forbidden", request.pageLanguage))
        }
        return organisation
    }

    private func actor(_ request: Request) throws -> AuditActor {
        try request.requireStaff().auditActor
    }
}
