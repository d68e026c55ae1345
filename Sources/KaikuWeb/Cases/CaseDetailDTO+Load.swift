import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

extension CaseDetailDTO {
    /// One case with its answer, contact details and history, for the API and
    /// the case page alike. Every view of contact details is on record before
    /// they are shown.
    static func load(_ id: UUID?, scope: StaffScope, on request: Request) async throws -> CaseDetailDTO {
        let item = try await CaseAccess.visibleCase(id, scope: scope, on: request.db)
        guard let response = try await FeedbackResponse.find(item.responseID, on: request.db) else {
            throw Abort(.notFound, reason: "No case with that id in your units.")
        }
        let caseID = try item.requireID()
        let contact = try await ResponseContact.query(on: request.db).filter(\.$responseID == item.responseID).first()
        if contact != nil {
            try await AccessLogEntry(organisationID: item.organisationID, at: request.kaiku.clock.now, userID: scope.staff.userID,
                                     action: "case.contact.view", caseID: caseID, responseID: item.responseID).create(on: request.db)
        }
        let events = try await CaseEvent.query(on: request.db).filter(\.$caseID == caseID).sort(\.$at).all()
        let actorIDs = Set(events.compactMap(\.actorID) + [item.assigneeID].compactMap { $0 })
        let actors = try await User.query(on: request.db).filter(\.$id ~~ actorIDs).all()
        let emails = Dictionary(uniqueKeysWithValues: actors.map { ($0.id!, $0.email) })
        let cipher = request.kaiku.cipher
        return CaseDetailDTO(
            id: caseID, unit: scope.units[item.unitID]?.code ?? "", originalUnit: scope.units[item.originalUnitID]?.code ?? "",
            status: item.status, dueAt: item.dueAt, receipt: item.receipt, receivedAt: item.receivedAt, closedAt: item.closedAt,
            late: item.statusValue.isPending && AnswerPromise.isLate(dueAt: item.dueAt, now: request.kaiku.clock.now),
            assignee: item.assigneeID.flatMap { emails[$0] },
            response: try await ResponseQueries.dtos(for: [response], scope: scope, on: request.db)[0],
            contact: try contact.map { stored in
                CaseDetailDTO.ContactDTO(name: try cipher.open(stored.name), email: try cipher.open(stored.email), phone: try cipher.open(stored.phone))
            },
            history: events.map { CaseDetailDTO.EventDTO(at: $0.at, kind: $0.kind, actor: $0.actorID.flatMap { emails[$0] }, detail: $0.detail) })
    }
}
