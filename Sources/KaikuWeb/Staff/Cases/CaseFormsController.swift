import Foundation
import KaikuCore
import Vapor

/// The case page's forms. Each posts to the same operation as the JSON API,
/// then goes back to the case page: with a notice when the step was taken,
/// or with the page shown again and the reason when it was refused.
struct CaseFormsController: RouteCollection {
    struct ActionForm: Content {
        var email: String?
        var text: String?
        var unit: String?
        var reason: String?
        var kind: String?
        var note: String?
        var channel: String?
        var template: String?
        var subject: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        func post(_ action: SiteURL.CaseFormAction, _ handler: @escaping @Sendable (Request) async throws -> Response) {
            routes.post(SiteURL.staff(.caseAction(.key, action)).pathComponents, use: handler)
        }
        post(.take) { try await self.act($0, "take") { ops, id, _ in _ = try await ops.take(id) } }
        post(.assign) { try await self.act($0, "assign") { ops, id, form in _ = try await ops.assign(id, email: form.email ?? "") } }
        post(.notes) { try await self.act($0, "notes") { ops, id, form in _ = try await ops.note(id, text: form.text ?? "") } }
        post(.reroute) { try await self.act($0, "reroute") { ops, id, form in _ = try await ops.reroute(id, unit: form.unit ?? "", reason: form.reason) } }
        post(.refer) { try await self.act($0, "refer") { ops, id, form in _ = try await ops.refer(id, kind: form.kind ?? "", note: form.note) } }
        post(.close) { try await self.act($0, "close") { ops, id, form in _ = try await ops.close(id, note: form.note) } }
        post(.answer, answer)
    }

    func answer(_ request: Request) async throws -> Response {
        var done = "answer"
        return try await act(request, "answer") { ops, id, form in
            let template = try form.template.flatMap { raw -> UUID? in
                guard !raw.isEmpty else { return nil }
                guard let id = UUID(uuidString: raw) else { throw FieldError(field: "template", message: "template must be one of the listed templates.") }
                return id
            }
            let draft = AnswerDraft(channel: form.channel, template: template, subject: form.subject, text: form.text)
            if case .queued = try await ops.answer(id, draft) { done = "answerQueued" }
        } done: { done }
    }

    private func act(
        _ request: Request, _ action: String,
        _ operation: (CaseOperations, UUID?, ActionForm) async throws -> Void,
        done: () -> String = { "" }
    ) async throws -> Response {
        let form = (try? request.content.decode(ActionForm.self)) ?? ActionForm()
        let operations = CaseOperations(request: request, scope: try await request.requireScope())
        let id = request.caseID
        do {
            try await operation(operations, id, form)
        } catch let error as FieldError {
            return try await refused(request, id: id, status: error.status, message: StaffMessages.text(for: error, request: request))
        } catch let error as any AbortError where error.status == .forbidden || error.status == .conflict {
            return try await refused(request, id: id, status: error.status, message: error.reason)
        }
        let notice = done().isEmpty ? action : done()
        guard let id else { throw Abort(.notFound) }
        return request.redirect(to: SiteURL.staff(.caseItem(.value(id))).url([("done", notice)]) + "#notice", redirectType: .normal)
    }

    private func refused(_ request: Request, id: UUID?, status: HTTPStatus, message: String) async throws -> Response {
        try await CaseController.render(request, id: id, error: message, status: status)
    }
}
