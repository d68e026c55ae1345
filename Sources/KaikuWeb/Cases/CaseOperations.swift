import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// The steps handlers and supervisors take on a case, shared by the JSON API
/// and the staff pages so that both follow the same rules. Every step is
/// written to the case history with who and when, in the same transaction as
/// the change.
struct CaseOperations {
    let request: Request
    let scope: StaffScope

    var now: Date { request.kaiku.clock.now }

    func take(_ id: UUID?) async throws -> CaseSummaryDTO {
        try await perform(.take, id) { item in
            item.assigneeID = scope.staff.userID
            return nil
        }
    }

    func assign(_ id: UUID?, email: String) async throws -> CaseSummaryDTO {
        try await perform(.assign, id, roles: [.supervisor, .administrator]) { item in
            guard PlainIdentifier.isPlain(email),
                  let assignee = try await User.query(on: request.db).filter(\.$email == email.lowercased()).first(),
                  assignee.organisationID == scope.staff.organisationID, assignee.isActive,
                  scope.tree.isInSubtree(item.unitID, of: assignee.unitID),
                  assignee.roleValue != .analyst else {
                throw FieldError(field: "email", message: "email must be a handler, supervisor or administrator whose units include this case.")
            }
            item.assigneeID = try assignee.requireID()
            return assignee.email
        }
    }

    func note(_ id: UUID?, text: String) async throws -> CaseSummaryDTO {
        let text = try CaseText.check(text, field: "text")
        return try await perform(.note, id) { _ in text }
    }

    /// A call to the customer, with a short summary of what was said.
    func call(_ id: UUID?, summary: String) async throws -> CaseSummaryDTO {
        let summary = try CaseText.check(summary, field: "summary")
        return try await perform(.call, id) { _ in summary }
    }

    /// An interim reply the customer was sent (the answer is on its way).
    func interimReply(_ id: UUID?, note: String?) async throws -> CaseSummaryDTO {
        let note = try note.flatMap { $0.isEmpty ? nil : try CaseText.check($0, field: "note") }
        return try await perform(.interimReply, id) { _ in note }
    }

    func reroute(_ id: UUID?, unit code: String, reason: String?) async throws -> CaseSummaryDTO {
        let reason = try reason.flatMap { $0.isEmpty ? nil : try CaseText.check($0, field: "reason") }
        return try await perform(.reroute, id) { item in
            // A wrongly targeted case may go anywhere in the organisation; the original unit is kept.
            guard PlainIdentifier.isPlain(code), let unit = scope.unit(code: code), unit.id != item.unitID else {
                throw FieldError(field: "unit", message: "unit must be the code of another unit of your organisation.")
            }
            let from = scope.units[item.unitID]?.code ?? ""
            item.unitID = try unit.requireID()
            item.assigneeID = nil
            return "\(from) → \(unit.code)" + (reason.map { ": \($0)" } ?? "")
        }
    }

    func close(_ id: UUID?, note: String?) async throws -> CaseSummaryDTO {
        let note = try note.flatMap { $0.isEmpty ? nil : try CaseText.check($0, field: "note") }
        let now = self.now
        return try await perform(.close, id) { item in
            item.closedAt = now
            return note
        }
    }

    /// Loads the case within the caller's scope, applies the workflow rule and
    /// `change`, and writes the event; `change` returns the event's detail.
    private func perform(
        _ action: CaseWorkflow.Action, _ id: UUID?, roles: Set<User.Role> = CaseAccess.actingRoles,
        change: (FeedbackCase) async throws -> String?
    ) async throws -> CaseSummaryDTO {
        let (item, _, _) = try await CaseAccess.actionableCase(id, scope: scope, action: action, roles: roles, on: request.db)
        let next = try CaseWorkflow.status(after: action, from: item.statusValue)
        let detail = try await change(item)
        return try await CaseAccess.record(item, next: next, events: [(CaseWorkflow.event(for: action), detail)],
                                           scope: scope, now: now, on: request.db)
    }
}
