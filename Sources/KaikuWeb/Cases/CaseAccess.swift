import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Shared steps of the case routes: finding a case the caller may act on,
/// and writing a change with its history in one transaction.
enum CaseAccess {
    static let actingRoles: Set<User.Role> = [.handler, .supervisor, .administrator]

    /// The case the caller may take `action` on, with its organisation and answer; 404 outside the
    /// caller's units, 403 for a role that may not act, 409 when the workflow refuses the step.
    static func actionableCase(
        _ request: Request, scope: StaffScope, action: CaseWorkflow.Action, roles: Set<User.Role> = actingRoles
    ) async throws -> (FeedbackCase, Organisation, FeedbackResponse) {
        guard let id = request.parameters.get("id", as: UUID.self),
              let item = try await FeedbackCase.find(id, on: request.db),
              item.organisationID == scope.staff.organisationID, scope.canSee(unit: item.unitID),
              let organisation = try await Organisation.find(item.organisationID, on: request.db),
              let response = try await FeedbackResponse.find(item.responseID, on: request.db) else {
            throw Abort(.notFound, reason: "No case with that id in your units.")
        }
        guard roles.contains(scope.staff.role) else {
            throw Abort(.forbidden, reason: "Your role (\(scope.staff.role.rawValue)) cannot \(action.rawValue) cases.")
        }
        do {
            _ = try CaseWorkflow.status(after: action, from: item.statusValue)
        } catch {
            throw FieldError(status: .conflict, field: "status", message: "The case is \(item.status); only notes can be added to it.")
        }
        return (item, organisation, response)
    }

    static func record(
        _ item: FeedbackCase, next: CaseStatus, events: [(CaseEventKind, String?)], scope: StaffScope, now: Date,
        on request: Request, change: (FeedbackCase) -> Void = { _ in }
    ) async throws -> CaseSummaryDTO {
        change(item)
        item.status = next.rawValue
        let id = try item.requireID()
        let rows = events.enumerated().map { index, event in
            // Events of one step keep their order even on clocks with coarse resolution.
            CaseEvent(caseID: id, at: now.addingTimeInterval(Double(index) / 1_000), kind: event.0, actorID: scope.staff.userID, detail: event.1)
        }
        try await request.db.transaction { db in
            try await item.save(on: db)
            for row in rows { try await row.create(on: db) }
        }
        return CaseSummaryDTO(item, scope: scope, now: now)
    }
}
