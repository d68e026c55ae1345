import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// What a handler asks to send: a template, their own words, or a template
/// they edited.
struct AnswerDraft: Sendable {
    var channel: String?
    var template: UUID?
    var subject: String?
    var text: String?
}

/// A sent answer closes the case at once. One the mail server or SMS gateway
/// did not take stays queued in the job table and is retried; the handler
/// is told why.
enum AnswerOutcome {
    case sent(CaseSummaryDTO)
    case queued(CaseSummaryDTO, reason: String)
}

extension CaseOperations {
    static let referralKinds = ["complaint", "incident", "ombudsman"]

    func answer(_ id: UUID?, _ draft: AnswerDraft) async throws -> AnswerOutcome {
        let prepared = try await prepare(id, draft)
        let caseID = prepared.caseID
        if try await CaseAnswerJob.pending(for: caseID, on: request.db) != nil {
            throw FieldError(status: .conflict, field: "text", message: "An answer to this case is already waiting to be sent; Kaiku keeps retrying it.")
        }
        let payload = CaseAnswerJob.Payload(caseID: caseID, channel: prepared.channel, subject: prepared.subject, text: prepared.text,
                                              actorID: scope.staff.userID)
        let jobID = try await CaseAnswerJob.enqueue(payload, now: now, on: request.db)
        try await JobRunner().runNow(jobID, app: request.application)

        let current = try await CaseAccess.visibleCase(caseID, scope: scope, on: request.db)
        let summary = CaseSummaryDTO(current, scope: scope, now: now)
        guard current.statusValue.isPending else { return .sent(summary) }
        let job = try await Job.find(jobID, on: request.db)
        if job?.doneAt != nil {
            // Refused for good (no such address, gateway said no): retrying would not help.
            let failure = try await CaseEvent.query(on: request.db).filter(\.$caseID == caseID).filter(\.$kind == CaseEventKind.answerFailed.rawValue)
                .sort(\.$at, .descending).first()
            throw FieldError(status: .badGateway, field: "channel",
                             message: "The answer could not be sent (\(failure?.detail ?? "refused")); the case stays open.")
        }
        return .queued(summary, reason: job?.lastError ?? "the answer is waiting for its turn")
    }

    /// Refers the customer to a formal complaint, an incident report or the
    /// ombudsman and sends them the organisation's instructions, when they left a way to reach them.
    func refer(_ id: UUID?, kind: String, note: String?) async throws -> CaseSummaryDTO {
        guard Self.referralKinds.contains(kind) else {
            throw FieldError(field: "kind", message: "kind must be one of complaint, incident, ombudsman.")
        }
        let note = try note.flatMap { $0.isEmpty ? nil : try CaseText.check($0, field: "note") }
        let (item, organisation, response) = try await CaseAccess.actionableCase(id, scope: scope, action: .refer, on: request.db)
        let language = Language(rawValue: response.language) ?? .fi
        let configured = try await ReferralText.query(on: request.db)
            .filter(\.$organisationID == organisation.requireID()).filter(\.$kind == kind).filter(\.$language == language.rawValue).first()
        let instructions = (configured.map { $0.text + ($0.url.map { "\n\n" + $0 } ?? "") }
            ?? request.kaiku.catalogue.text("referral.\(kind)", language))
            .filled(["receipt": item.receipt, "organisation": organisation.name[language]])
        var sentBy: String?
        if let stored = try await ResponseContact.query(on: request.db).filter(\.$responseID == item.responseID).first() {
            let cipher = request.kaiku.cipher
            if let email = try cipher.open(stored.email) {
                let subject = request.kaiku.catalogue.text("mail.referral.subject", language, ["receipt": item.receipt])
                try await send { try await request.kaiku.mail.send(OutgoingEmail(to: email, subject: subject, body: instructions)) }
                sentBy = "email"
            } else if let phone = try cipher.open(stored.phone) {
                try await send { _ = try await request.kaiku.sms.send(OutgoingSMS(to: ContactDetails.international(phone), text: instructions, reference: "referral-\(item.id!.uuidString)")) }
                sentBy = "sms"
            }
        }
        let now = self.now
        let detail = [kind, sentBy.map { "instructions sent by \($0)" }, note].compactMap { $0 }.joined(separator: "; ")
        return try await CaseAccess.record(item, next: .referred, events: [(.referred, detail)], scope: scope, now: now, on: request.db) { $0.closedAt = now }
    }

    /// A send that fails is reported to the handler as a gateway problem, not a bug.
    private func send(_ operation: () async throws -> Void) async throws {
        do {
            try await operation()
        } catch {
            throw FieldError(status: .badGateway, field: "channel", message: "The instructions could not be sent (\(error)); nothing was changed, try again.")
        }
    }
}

extension String {
    /// Fills `{name}` placeholders.
    func filled(_ arguments: [String: String]) -> String {
        arguments.reduce(self) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
    }
}
