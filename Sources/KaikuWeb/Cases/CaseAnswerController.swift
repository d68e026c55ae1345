import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// The JSON API for answering the customer and referring them elsewhere.
/// A sent answer closes the case (200); one the mail server or gateway did
/// not take yet is queued and retried (202, the case stays open).
struct CaseAnswerController: RouteCollection {
    struct AnswerRequest: Content {
        var channel: String?
        var template: UUID?
        var subject: String?
        var text: String?
    }

    struct ReferRequest: Content {
        var kind: String
        var note: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let item = routes.grouped("api", "v1", "cases", ":id").grouped(BearerTokenAuthenticator())
        item.post("answer", use: answer)
        item.post("refer", use: refer)
    }

    func refer(_ request: Request) async throws -> CaseSummaryDTO {
        let body = try request.decodeJSON(ReferRequest.self)
        let operations = CaseOperations(request: request, scope: try await request.requireScope())
        return try await operations.refer(request.caseID, kind: body.kind, note: body.note)
    }

    func answer(_ request: Request) async throws -> Response {
        let body = try request.decodeJSON(AnswerRequest.self)
        let operations = CaseOperations(request: request, scope: try await request.requireScope())
        let draft = AnswerDraft(channel: body.channel, template: body.template, subject: body.subject, text: body.text)
        switch try await operations.answer(request.caseID, draft) {
        case .sent(let summary):
            return try await summary.encodeResponse(for: request)
        case .queued(let summary, _):
            return try await summary.encodeResponse(status: .accepted, for: request)
        }
    }
}
