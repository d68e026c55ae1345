import FluentKit
import Foundation
import KaikuCore
import SQLKit

extension ResponseInsert {
    /// What a stored response brings with it: the case of a customer who
    /// asked for an answer (its history and reminder jobs, the e-mail
    /// confirmation) and the sealed contact details.
    static func insertFollowUps(_ responses: [NewResponse], cipher: ContactCipher, on sql: any SQLDatabase) async throws {
        let cases = responses.compactMap { response in response.caseOpening.map { (response, $0) } }
        for chunk in cases.chunked(into: rowsPerStatement) {
            let insert = sql.insert(into: FeedbackCase.schema).columns(
                "id", "organisation_id", "response_id", "unit_id", "original_unit_id", "receipt", "status",
                "received_at", "due_at", "closed_at", "first_contact_at")
            for (response, opening) in chunk {
                insert.values([
                    SQLBind(opening.id), SQLBind(response.organisationID), SQLBind(response.id), SQLBind(response.unitID),
                    SQLBind(response.unitID), SQLBind(response.receipt), SQLBind(opening.status.rawValue),
                    SQLBind(response.receivedAt), SQLBind(opening.dueAt), SQLBind(opening.closedAt),
                    SQLBind(opening.firstContactAt),
                ])
            }
            try await insert.run()
        }
        let events = cases.flatMap { _, opening in opening.history.map { (opening.id, $0.0, $0.1) } }
        for chunk in events.chunked(into: rowsPerStatement * 2) {
            let insert = sql.insert(into: CaseEvent.schema).columns("id", "case_id", "at", "kind")
            for (caseID, kind, at) in chunk {
                insert.values([SQLBind(UUID()), SQLBind(caseID), SQLBind(at), SQLBind(kind.rawValue)])
            }
            try await insert.run()
        }
        for (_, opening) in cases where opening.status.isPending {
            for job in CaseJobs.schedule(caseID: opening.id, receivedAt: opening.history.first?.1 ?? opening.dueAt, dueAt: opening.dueAt) {
                try await JobQueue.enqueue(kind: job.kind, payload: job.payload, runAt: job.runAt, uniqueKey: job.uniqueKey, on: sql)
            }
        }
        for (response, opening) in cases where response.confirmsByEmail && opening.status.isPending && response.submission.contact?.email != nil {
            let job = CaseJobs.confirm(caseID: opening.id, at: response.receivedAt)
            try await JobQueue.enqueue(kind: job.kind, payload: job.payload, runAt: job.runAt, uniqueKey: job.uniqueKey,
                                       maxAttempts: CaseJobs.confirmationAttempts, on: sql)
        }
        let contacts = responses.compactMap { response in response.submission.contact.map { (response.id, $0) } }
        for chunk in contacts.chunked(into: rowsPerStatement) {
            let insert = sql.insert(into: ResponseContact.schema).columns("id", "response_id", "name", "email", "phone")
            for (id, contact) in chunk {
                insert.values([SQLBind(UUID()), SQLBind(id), SQLBind(try cipher.seal(contact.name)),
                               SQLBind(try cipher.seal(contact.email)), SQLBind(try cipher.seal(contact.phone))])
            }
            try await insert.run()
        }
    }
}
