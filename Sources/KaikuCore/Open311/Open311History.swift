import Foundation

/// How a feedback's handling reads in Open311: GeoReport's `status` (open or
/// closed) and the 6Aika `request_history` steps (received, allocated,
/// handling, done), from the case's public events. Internal notes,
/// reminders and delivery reports never appear.
public enum Open311History {
    public enum Status: String, Sendable, CaseIterable {
        case open, closed
    }

    public enum Step: String, Sendable {
        case received, allocated, handling, done
    }

    /// Feedback without a case asked for no answer: nothing is owed, so it is closed.
    public static func status(caseStatus: CaseStatus?) -> Status {
        guard let caseStatus else { return .closed }
        return caseStatus.isPending ? .open : .closed
    }

    public static func step(for kind: CaseEventKind) -> Step? {
        switch kind {
        case .received: .received
        case .assigned, .rerouted: .allocated
        case .taken, .answered, .referred, .called, .interimReply: .handling
        case .closed: .done
        case .note, .reminded, .escalated, .answerFailed, .delivery: nil
        }
    }

    /// The steps in time order. Feedback without a case was received and
    /// needs nothing more; a referral ends the case as done too.
    public static func steps(receivedAt: Date, caseStatus: CaseStatus?, events: [(kind: CaseEventKind, at: Date)]) -> [(step: Step, at: Date)] {
        guard caseStatus != nil else { return [(.received, receivedAt)] }
        var steps: [(step: Step, at: Date)] = events.sorted { $0.at < $1.at }
            .compactMap { event in step(for: event.kind).map { (step: $0, at: event.at) } }
        if steps.first?.step != .received { steps.insert((.received, receivedAt), at: 0) }
        if caseStatus == .referred, steps.last?.step != .done, let last = events.map(\.at).max() {
            steps.append((.done, last))
        }
        return steps
    }
}
