import Foundation

/// The reminder and escalation every pending case gets when it opens.
public enum CaseJobs {
    public static let reminder = "case.reminder"
    public static let escalation = "case.escalation"

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
        let payload = String(decoding: try! JSONEncoder().encode(Payload(caseID: caseID)), as: UTF8.self)
        return [
            Scheduled(kind: reminder, payload: payload, runAt: remindAt, uniqueKey: "\(reminder):\(caseID.uuidString)"),
            Scheduled(kind: escalation, payload: payload, runAt: dueAt, uniqueKey: "\(escalation):\(caseID.uuidString)"),
        ]
    }
}
