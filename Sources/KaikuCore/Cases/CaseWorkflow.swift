/// Which steps a case can take from which state. Kept apart from storage so
/// that the rules read in one place and are tested without a database.
public enum CaseWorkflow {
    public enum Action: String, Sendable, CaseIterable {
        case take, assign, note, reroute, close, refer
        /// A call to the customer or an interim reply: the case stays where it is.
        case call, interimReply
    }

    public enum Refusal: Error, Equatable, Sendable {
        /// The case is closed or referred; only notes can be added.
        case finished(CaseStatus)
    }

    /// The status after `action`, or why the action is refused.
    public static func status(after action: Action, from current: CaseStatus) throws(Refusal) -> CaseStatus {
        if action == .note { return current }
        guard current.isPending else { throw .finished(current) }
        switch action {
        case .take, .assign: return .handling
        // A re-routed case waits for the new unit's handlers.
        case .reroute: return .open
        case .close: return .closed
        case .refer: return .referred
        case .note: return current
        case .call, .interimReply: return current
        }
    }

    /// The event the action writes into the history.
    public static func event(for action: Action) -> CaseEventKind {
        switch action {
        case .take: .taken
        case .assign: .assigned
        case .note: .note
        case .reroute: .rerouted
        case .close: .closed
        case .refer: .referred
        case .call: .called
        case .interimReply: .interimReply
        }
    }
}
