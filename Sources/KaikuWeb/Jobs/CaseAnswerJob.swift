import Fluent
import Foundation
import KaikuCore
import KaikuSMS
import KaikuSMTP
import KaikuStore
import Vapor

/// Sending a handler's answer to the customer. The answer waits in the job
/// table, so an outage of the mail server or SMS gateway delays it instead
/// of losing it; it is recorded and the case closes only once it was sent.
/// A crash between sending and recording can send it twice: a customer
/// getting the answer twice is better than not at all.
enum CaseAnswerJob {
    static let kind = "case.answer"
    static let maxAttempts = 8

    struct Payload: Codable, Sendable {
        var caseID: UUID
        var channel: String
        var subject: String
        var text: String
        var actorID: UUID
    }

    @discardableResult
    static func enqueue(_ payload: Payload, now: Date, on database: any Database) async throws -> UUID {
        let json = String(decoding: try JSONEncoder().encode(payload), as: UTF8.self)
        // The key names the case so that a pending answer can be found from it.
        return try await JobQueue.enqueue(kind: kind, payload: json, runAt: now, uniqueKey: "\(kind):\(payload.caseID.uuidString):\(UUID().uuidString)",
                                          maxAttempts: maxAttempts, on: database)
    }

    /// The answer to this case still waiting to be sent, if any.
    static func pending(for caseID: UUID, on database: any Database) async throws -> Job? {
        try await Job.query(on: database)
            .filter(\.$kind == kind)
            .filter(\.$uniqueKey, .custom("LIKE"), "\(kind):\(caseID.uuidString):%")
            .filter(\.$doneAt == nil).filter(\.$failedAt == nil)
            .first()
    }

    static func run(_ job: JobQueue.Claimed, app: Application) async throws {
        let payload = try JSONDecoder().decode(Payload.self, from: Data(job.payload.utf8))
        // Closed or referred by someone else meanwhile: nothing is owed any more.
        guard let item = try await FeedbackCase.find(payload.caseID, on: app.db), item.statusValue.isPending else { return }
        let now = app.kaiku.clock.now
        guard let stored = try await ResponseContact.query(on: app.db).filter(\.$responseID == item.responseID).first() else {
            try await CaseHistory.record(item, next: item.statusValue, events: [(.answerFailed, "contact details are no longer kept")],
                                         actorID: nil, now: now, on: app.db)
            return
        }
        let cipher = app.kaiku.cipher
        do {
            switch payload.channel {
            case "email":
                guard let email = try cipher.open(stored.email) else { throw AnswerRefusal(reason: "no e-mail address is kept") }
                try await app.kaiku.mail.send(OutgoingEmail(to: email, subject: payload.subject, body: payload.text))
            default:
                guard let phone = try cipher.open(stored.phone) else { throw AnswerRefusal(reason: "no phone number is kept") }
                // Numbers stored before they were kept in E.164 are converted here.
                let acceptance = try await app.kaiku.sms.send(OutgoingSMS(to: ContactDetails.international(phone), text: payload.text, reference: "answer-\(job.id.uuidString)"))
                try await SMSDelivery.track(reference: "answer-\(job.id.uuidString)", gatewayID: acceptance.gatewayID,
                                            caseID: payload.caseID, organisationID: item.organisationID, now: now, on: app.db)
            }
        } catch {
            let permanent = error is AnswerRefusal || (error as? SMTPError).map { !$0.isTransient } ?? false
                || (error as? SMSGatewayError).map { !$0.isRetryable } ?? false
            guard permanent || job.attempts >= job.maxAttempts else { throw error }
            // A mail server's refusal usually quotes the address; the history outlives the retention purge, so it is masked.
            let reason = TextMasker().mask("\(payload.channel): \(error)").text
            try await CaseHistory.record(item, next: item.statusValue, events: [(.answerFailed, reason)],
                                         actorID: nil, now: now, on: app.db)
            return
        }
        try await CaseHistory.record(item, next: .closed, events: [(.answered, "\(payload.channel): \(payload.text)"), (.closed, nil)],
                                     actorID: payload.actorID, now: now, on: app.db) { $0.closedAt = now }
    }

    struct AnswerRefusal: Error, CustomStringConvertible {
        var reason: String
        var description: String { reason }
    }
}
