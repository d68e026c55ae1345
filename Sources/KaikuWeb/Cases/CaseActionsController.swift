import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// The JSON API for the steps handlers and supervisors take; the rules live
/// in `CaseOperations`, shared with the staff pages.
struct CaseActionsController: RouteCollection {
    struct NoteRequest: Content { var text: String }
    struct AssignRequest: Content { var email: String }
    struct RerouteRequest: Content { var unit: String; var reason: String? }
    struct CloseRequest: Content { var note: String? }
    struct CallRequest: Content { var summary: String }

    func boot(routes: any RoutesBuilder) throws {
        let item = routes.grouped("api", "v1", "cases", ":id").grouped(BearerTokenAuthenticator())
        item.post("take", use: take)
        item.post("assign", use: assign)
        item.post("notes", use: note)
        item.post("reroute", use: reroute)
        item.post("close", use: close)
        item.post("calls", use: call)
        item.post("interim-replies", use: interimReply)
    }

    func take(_ request: Request) async throws -> CaseSummaryDTO {
        try await operations(request).take(request.caseID)
    }

    func assign(_ request: Request) async throws -> CaseSummaryDTO {
        let body = try request.decodeJSON(AssignRequest.self)
        return try await operations(request).assign(request.caseID, email: body.email)
    }

    func note(_ request: Request) async throws -> CaseSummaryDTO {
        let body = try request.decodeJSON(NoteRequest.self)
        return try await operations(request).note(request.caseID, text: body.text)
    }

    func reroute(_ request: Request) async throws -> CaseSummaryDTO {
        let body = try request.decodeJSON(RerouteRequest.self)
        return try await operations(request).reroute(request.caseID, unit: body.unit, reason: body.reason)
    }

    func close(_ request: Request) async throws -> CaseSummaryDTO {
        let hasBody = (request.body.data?.readableBytes ?? 0) > 0
        let note = hasBody ? try request.decodeJSON(CloseRequest.self).note : nil
        return try await operations(request).close(request.caseID, note: note)
    }

    func call(_ request: Request) async throws -> CaseSummaryDTO {
        let body = try request.decodeJSON(CallRequest.self)
        return try await operations(request).call(request.caseID, summary: body.summary)
    }

    func interimReply(_ request: Request) async throws -> CaseSummaryDTO {
        let hasBody = (request.body.data?.readableBytes ?? 0) > 0
        let note = hasBody ? try request.decodeJSON(CloseRequest.self).note : nil
        return try await operations(request).interimReply(request.caseID, note: note)
    }

    private func operations(_ request: Request) async throws -> CaseOperations {
        CaseOperations(request: request, scope: try await request.requireScope())
    }
}

extension Request {
    var caseID: UUID? { parameters.get("id", as: UUID.self) }
}
