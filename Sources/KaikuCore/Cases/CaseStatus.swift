/// Where a case is on its way from a customer's request to their answer.
public enum CaseStatus: String, Sendable, Codable, CaseIterable, Hashable {
    /// Waiting for a handler.
    case open
    /// A handler has taken it or been assigned it.
    case handling
    /// The customer has been answered.
    case closed
    /// The customer was given instructions for a formal complaint, an
    /// incident report or the ombudsman; nothing more is owed here.
    case referred

    /// Still owed an answer.
    public var isPending: Bool { self == .open || self == .handling }
}
