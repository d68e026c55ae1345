/// The steps of a case's history. The public ones map to the 6Aika
/// `request_history` (received, allocated, handling, done).
public enum CaseEventKind: String, Sendable, Codable, CaseIterable, Hashable {
    case received, assigned, taken, note, rerouted, answered, referred, reminded, escalated, closed
    /// An answer that could not be delivered after every retry; the case stays open.
    case answerFailed
    /// The SMS gateway's report on a message sent to the customer.
    case delivery

    /// Internal notes and reminders never reach the customer or Open311.
    public var isPublic: Bool {
        switch self {
        case .note, .reminded, .escalated, .answerFailed, .delivery: false
        default: true
        }
    }
}
