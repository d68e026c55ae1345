import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Shared steps of the case routes: finding a case the caller may act on,
/// and writing a change with its history in one transaction.
enum CaseAccess {
    static let actingRoles: Set<User.Role> = [.handler, .supervisor, .administrator]

    /// The case in the caller's units, or 404 — another unit's or organisation's case is not revealed.
    static func visibleCase(_ id: UUID?, scope: StaffScope, on database: any Database) async throws -> FeedbackCase {
        guard let id, let item = try await FeedbackCase.find(id, on: database),
              item.organisationID == scope.staff.organisationID, scope.canSee(unit: item.unitID) else {
            throw Abort(.notFound, reason: "No case with that id in your units.")
        }
        return item
    }

    /// The case the caller may take `action` on, with its organisation and answer; 404 outside the
    /// caller's units, 403 for a role that may not act, 409 when the workflow refuses the step.
    static func actionableCase(
        _ id: UUID?, scope: StaffScope, action: CaseWorkflow.Action, roles: Set<User.Role> = actingRoles, on database: any Database
    ) async throws -> (FeedbackCase, Organisation, FeedbackResponse) {
        let item = try await visibleCase(id, scope: scope, on: database)
        guard let organisation = try await Organisation.find(item.organisationID, on: database),
              let response = try await FeedbackResponse.find(item.responseID, on: database) else {
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
        on database: any Database, change: (FeedbackCase) -> Void = { _ in }
    ) async throws -> CaseSummaryDTO {
        try await CaseHistory.record(item, next: next, events: events, actorID: scope.staff.userID, now: now, on: database, change: change)
        return CaseSummaryDTO(item, scope: scope, now: now)
    }
}
