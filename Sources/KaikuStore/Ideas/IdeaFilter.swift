import Foundation
import KaikuCore

/// Which ideas a list, the counts or the CSV read: all of one organisation's,
/// narrowed by status, category, units (a unit's subtree) and a period of
/// submission (a year, in the organisation's time zone).
public struct IdeaFilter: Sendable, Equatable {
    public var status: IdeaStatus?
    public var category: String?
    /// The units whose ideas count; nil for the whole organisation.
    public var unitIDs: [UUID]?
    /// Submitted at or after `from` and before `until`.
    public var from: Date?
    public var until: Date?

    public init(status: IdeaStatus? = nil, category: String? = nil, unitIDs: [UUID]? = nil, from: Date? = nil, until: Date? = nil) {
        self.status = status
        self.category = category
        self.unitIDs = unitIDs
        self.from = from
        self.until = until
    }
}
