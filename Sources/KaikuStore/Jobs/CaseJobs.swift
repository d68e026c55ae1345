import Foundation

/// The reminder and escalation every pending case gets when it opens, and the
/// confirmation to a customer who left an e-mail address.
public enum CaseJobs {
    public static let reminder = "case.reminder"
    public static let escalation = "case.escalation"
    /// The e-mail telling the customer their feedback arrived, with its receipt and the promise.
    public static let confirmation = "case.confirmation"
    /// Eight tries with doubling back-off cover about an hour of a mail server being away.
    public static let confirmationAttempts = 8

    public struct Scheduled: Sendable, Equatable {
        public var kind: String
        public var payload: String
        public var runAt: Date
        public var uniqueKey: String
    }

    public struct Payload: Codable, Sendable {
        public var caseID: UUID
    }

    /// A reminder two days before the due time (halfway for short promises)
    /// and an escalation at the due time.
    public static func schedule(caseID: UUID, receivedAt: Date, dueAt: Date) -> [Scheduled] {
        let span = dueAt.timeIntervalSince(receivedAt)
        let remindAt = span > 4 * 86_400 ? dueAt.addingTimeInterval(-2 * 86_400) : receivedAt.addingTimeInterval(span / 2)
        let payload = encodedPayload(caseID)
        return [
            Scheduled(kind: reminder, payload: payload, runAt: remindAt, uniqueKey: "\(reminder):\(caseID.uuidString)"),
            Scheduled(kind: escalation, payload: payload, runAt: dueAt, uniqueKey: "\(escalation):\(caseID.uuidString)"),
        ]
    }

    /// One confirmation per case: the unique key keeps a retried or replayed submission from queueing a second.
    public static func confirm(caseID: UUID, at now: Date) -> Scheduled {
        let payload = encodedPayload(caseID)
        return Scheduled(kind: confirmation, payload: payload, runAt: now, uniqueKey: "\(confirmation):\(caseID.uuidString)")
    }

    /// Encoding one UUID as JSON cannot fail.
    private static func encodedPayload(_ caseID: UUID) -> String {
        String(decoding: try! JSONEncoder().encode(Payload(caseID: caseID)), as: UTF8.self)
    }
}
