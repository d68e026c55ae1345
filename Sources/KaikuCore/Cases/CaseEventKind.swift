/// The steps of a case's history. The public ones map to the 6Aika
/// `request_history` (received, allocated, handling, done).
public enum CaseEventKind: String, Sendable, Codable, CaseIterable, Hashable {
    case received, assigned, taken, note, rerouted, answered, referred, reminded, escalated, closed

    /// Internal notes and reminders never reach the customer or Open311.
    public var isPublic: Bool {
        switch self {
        case .note, .reminded, .escalated: false
        default: true
        }
    }
}
