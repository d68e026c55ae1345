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
        try await load(id, scope: scope, now: request.kaiku.clock.now, cipher: request.kaiku.cipher, on: request.db)
    }

    /// The same without HTTP, for the case page's query.
    static func load(_ id: UUID?, scope: StaffScope, now: Date, cipher: ContactCipher, on database: any Database) async throws -> CaseDetailDTO {
        let item = try await CaseAccess.visibleCase(id, scope: scope, on: database)
        guard let response = try await FeedbackResponse.find(item.responseID, on: database) else {
            throw Abort(.notFound, reason: "No case with that id in your units.")
        }
        let caseID = try item.requireID()
        let contact = try await ResponseContact.query(on: database).filter(\.$responseID == item.responseID).first()
        if contact != nil {
            try await AccessLogEntry(organisationID: item.organisationID, at: now, userID: scope.staff.userID,
                                     action: "case.contact.view", caseID: caseID, responseID: item.responseID).create(on: database)
        }
        let events = try await CaseEvent.query(on: database).filter(\.$caseID == caseID).sort(\.$at).all()
        let actorIDs = Set(events.compactMap(\.actorID) + [item.assigneeID].compactMap { $0 })
        let actors = try await User.query(on: database).filter(\.$id ~~ actorIDs).all()
        let emails = Dictionary(actors.compactMap { user in user.id.map { ($0, user.email) } }, uniquingKeysWith: { first, _ in first })
        let names = Dictionary(actors.compactMap { user in user.id.map { ($0, user.displayName) } }, uniquingKeysWith: { first, _ in first })
        return CaseDetailDTO(
            id: caseID, unit: scope.units[item.unitID]?.code ?? "", originalUnit: scope.units[item.originalUnitID]?.code ?? "",
            status: item.status, dueAt: item.dueAt, receipt: item.receipt, receivedAt: item.receivedAt, closedAt: item.closedAt,
            late: item.statusValue.isPending && AnswerPromise.isLate(dueAt: item.dueAt, now: now),
            assignee: item.assigneeID.flatMap { emails[$0] }, assigneeName: item.assigneeID.flatMap { names[$0] },
            response: try await ResponseQueries.dtos(for: [response], scope: scope, on: database)[0],
            contact: try contact.map { stored in
                CaseDetailDTO.ContactDTO(name: try cipher.open(stored.name), email: try cipher.open(stored.email), phone: try cipher.open(stored.phone))
            },
            history: events.map { CaseDetailDTO.EventDTO(at: $0.at, kind: $0.kind, actor: $0.actorID.flatMap { emails[$0] },
                                                           actorName: $0.actorID.flatMap { names[$0] }, detail: $0.detail) })
    }
}
