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
        var summary: String?
        /// `template` fills the answer box from the chosen template, `edit`
        /// brings the previewed answer back into it; anything else previews.
        var step: String?

        var draft: AnswerDraft { AnswerDraft(channel: channel, template: nil, subject: subject, text: text) }
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
        post(.calls) { try await self.act($0, "calls") { ops, id, form in _ = try await ops.call(id, summary: form.summary ?? "") } }
        post(.interim) { try await self.act($0, "interim") { ops, id, form in _ = try await ops.interimReply(id, note: form.note) } }
        post(.answer, answer)
        post(.send, send)
    }

    /// Fills the answer box from a template or shows the answer as the
    /// customer will get it; only the preview's own form sends.
    func answer(_ request: Request) async throws -> Response {
        let form = (try? request.content.decode(ActionForm.self)) ?? ActionForm()
        let operations = CaseOperations(request: request, scope: try await request.requireScope())
        let id = request.caseID
        var kept = CaseModel.Draft(template: nil, channel: form.channel, subject: form.subject, text: form.text)
        do {
            let template = try Self.templateID(form.template)
            kept.template = template
            switch form.step {
            case "edit":
                return try await CaseController.render(request, id: id, draft: kept)
            case "template":
                guard let template else { throw FieldError(field: "template", message: "Choose a template from the list first.") }
                let filled = try await operations.prepare(id, AnswerDraft(channel: form.channel, template: template, subject: nil, text: nil))
                let draft = CaseModel.Draft(template: template, channel: filled.channel,
                                            subject: filled.channel == "email" ? filled.subject : form.subject, text: filled.text)
                return try await CaseController.render(request, id: id, draft: draft)
            default:
                var draft = form.draft
                draft.template = template
                let prepared = try await operations.prepare(id, draft)
                return .html(AnswerPreviewPage(context: request.pageContext, answer: prepared).render())
            }
        } catch let error as FieldError {
            return try await CaseController.render(request, id: id, error: StaffMessages.text(for: error, request: request),
                                                   status: error.status, draft: kept)
        } catch let error as any AbortError where error.status == .forbidden || error.status == .conflict {
            return try await CaseController.render(request, id: id, error: error.reason, status: error.status, draft: kept)
        }
    }

    /// Sends what the preview showed.
    func send(_ request: Request) async throws -> Response {
        var done = "answer"
        return try await act(request, "answer") { ops, id, form in
            var draft = form.draft
            draft.template = try Self.templateID(form.template)
            if case .queued = try await ops.answer(id, draft) { done = "answerQueued" }
        } done: { done }
    }

    private static func templateID(_ raw: String?) throws -> UUID? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let id = UUID(uuidString: raw) else { throw FieldError(field: "template", message: "template must be one of the listed templates.") }
        return id
    }

    private func act(
        _ request: Request, _ action: String,
        _ operation: (CaseOperations, UUID?, ActionForm) async throws -> Void,
        done: () -> String = { "" }
    ) async throws -> Response {
        let form = (try? request.content.decode(ActionForm.self)) ?? ActionForm()
        let operations = CaseOperations(request: request, scope: try await request.requireScope())
        let id = request.caseID
        // A refused answer comes back in the answer box, not lost.
        let kept = action == "answer" ? CaseModel.Draft(template: nil, channel: form.channel, subject: form.subject, text: form.text) : nil
        do {
            try await operation(operations, id, form)
        } catch let error as FieldError {
            return try await CaseController.render(request, id: id, error: StaffMessages.text(for: error, request: request),
                                                   status: error.status, draft: kept)
        } catch let error as any AbortError where error.status == .forbidden || error.status == .conflict {
            return try await CaseController.render(request, id: id, error: error.reason, status: error.status, draft: kept)
        }
        let notice = done().isEmpty ? action : done()
        guard let id else { throw Abort(.notFound) }
        return request.redirect(to: SiteURL.staff(.caseItem(.value(id))).url([("done", notice)]) + "#notice", redirectType: .normal)
    }
}
