/// The steps of a case's history. The public ones map to the 6Aika
/// `request_history` (received, allocated, handling, done).
public enum CaseEventKind: String, Sendable, Codable, CaseIterable, Hashable {
    case received, assigned, taken, note, rerouted, answered, referred, reminded, escalated, closed
    /// An answer that could not be delivered after every retry; the case stays open.
    case answerFailed
    /// The SMS gateway's report on a message sent to the customer.
    case delivery
    /// A handler called the customer; the detail is a short summary of the call.
    case called
    /// The customer was told the answer is on its way (an interim reply).
    case interimReply

    /// The steps that reach the customer: the first of them ends the
    /// reaction time (how Helsinki measures "first contact"), apart from the
    /// answer time that ends with the final answer or referral.
    public var isContact: Bool {
        switch self {
        case .called, .interimReply, .answered, .referred: true
        default: false
        }
    }

    /// Internal notes and reminders never reach the customer or Open311.
    public var isPublic: Bool {
        switch self {
        case .note, .reminded, .escalated, .answerFailed, .delivery: false
        default: true
        }
    }
}
