import Foundation

/// Where a staff idea stands. An idea is looked at before it is decided on,
/// and only an accepted idea can be implemented; a declined one stays
/// declined (a new idea can be sent instead), so the counts by status tell
/// the year's story without an idea counted twice.
public enum IdeaStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case new
    case underReview = "under-review"
    case accepted
    case declined
    case implemented

    /// The statuses an idea in this one may move to next.
    public var next: [IdeaStatus] {
        switch self {
        case .new: [.underReview]
        case .underReview: [.accepted, .declined]
        case .accepted: [.implemented]
        case .declined, .implemented: []
        }
    }

    public func canMove(to status: IdeaStatus) -> Bool { next.contains(status) }

    /// The names as the API writes them, for messages listing the allowed values.
    public static let names = allCases.map(\.rawValue).joined(separator: ", ")
}
