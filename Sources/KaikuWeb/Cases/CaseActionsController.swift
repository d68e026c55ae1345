import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// What handlers and supervisors do with a case. Every step is written to the
/// case history with who and when, in the same transaction as the change.
struct CaseActionsController: RouteCollection {
    struct NoteRequest: Content { var text: String }
    struct AssignRequest: Content { var email: String }
    struct RerouteRequest: Content { var unit: String; var reason: String? }
    struct CloseRequest: Content { var note: String? }


    func boot(routes: any RoutesBuilder) throws {
        let item = routes.grouped("api", "v1", "cases", ":id").grouped(BearerTokenAuthenticator())
        item.post("take", use: take)
        item.post("assign", use: assign)
        item.post("notes", use: note)
        item.post("reroute", use: reroute)
        item.post("close", use: close)
    }

    func take(_ request: Request) async throws -> CaseSummaryDTO {
        try await perform(.take, on: request) { item, scope in
            item.assigneeID = scope.staff.userID
            return nil
        }
    }

    func assign(_ request: Request) async throws -> CaseSummaryDTO {
        let body = try request.decodeJSON(AssignRequest.self)
        return try await perform(.assign, on: request, roles: [.supervisor, .administrator]) { item, scope in
            guard PlainIdentifier.isPlain(body.email),
                  let assignee = try await User.query(on: request.db).filter(\.$email == body.email.lowercased()).first(),
                  assignee.organisationID == scope.staff.organisationID,
                  scope.tree.isInSubtree(item.unitID, of: assignee.unitID),
                  assignee.roleValue != .analyst else {
                throw FieldError(field: "email", message: "email must be a handler, supervisor or administrator whose units include this case.")
            }
            item.assigneeID = try assignee.requireID()
            return assignee.email
        }
    }

    func note(_ request: Request) async throws -> CaseSummaryDTO {
        let text = try CaseText.check(request.decodeJSON(NoteRequest.self).text, field: "text")
        return try await perform(.note, on: request) { _, _ in text }
    }

    func reroute(_ request: Request) async throws -> CaseSummaryDTO {
        let body = try request.decodeJSON(RerouteRequest.self)
        let reason = try body.reason.map { try CaseText.check($0, field: "reason") }
        return try await perform(.reroute, on: request) { item, scope in
            // A wrongly targeted case may go anywhere in the organisation; the original unit is kept.
            guard PlainIdentifier.isPlain(body.unit), let unit = scope.unit(code: body.unit), unit.id != item.unitID else {
                throw FieldError(field: "unit", message: "unit must be the code of another unit of your organisation.")
            }
            let from = scope.units[item.unitID]?.code ?? ""
            item.unitID = try unit.requireID()
            item.assigneeID = nil
            return "\(from) → \(unit.code)" + (reason.map { ": \($0)" } ?? "")
        }
    }

    func close(_ request: Request) async throws -> CaseSummaryDTO {
        let hasBody = (request.body.data?.readableBytes ?? 0) > 0
        let note = try hasBody ? request.decodeJSON(CloseRequest.self).note.map { try CaseText.check($0, field: "note") } : nil
        return try await perform(.close, on: request) { item, _ in
            item.closedAt = request.kaiku.clock.now
            return note
        }
    }

    /// Loads the case within the caller's scope, applies the workflow rule and
    /// `change`, and writes the event; `change` returns the event's detail.
    private func perform(
        _ action: CaseWorkflow.Action, on request: Request, roles: Set<User.Role> = CaseAccess.actingRoles,
        change: @escaping @Sendable (FeedbackCase, StaffScope) async throws -> String?
    ) async throws -> CaseSummaryDTO {
        let scope = try await request.requireScope()
        let (item, _, _) = try await CaseAccess.actionableCase(request, scope: scope, action: action, roles: roles)
        let next = try CaseWorkflow.status(after: action, from: item.statusValue)
        let detail = try await change(item, scope)
        return try await CaseAccess.record(item, next: next, events: [(CaseWorkflow.event(for: action), detail)],
                                           scope: scope, now: request.kaiku.clock.now, on: request)
    }
}
