import FluentKit
import Foundation
import KaikuCore
import SQLKit

/// One feedback as Open311 may show it: masked open text, where it was given
/// and how its case went. Contact details are never read here.
public struct PublicFeedback: Sendable {
    public var id: UUID
    public var organisationID: UUID
    public var targetID: UUID
    public var unitID: UUID
    public var text: String
    public var answeredAt: Date
    public var receivedAt: Date
    public var caseStatus: CaseStatus?
    public var dueAt: Date?
    /// The case's public events, oldest first.
    public var events: [(kind: CaseEventKind, at: Date)] = []
}

/// Which feedback a GeoReport `GET /requests` asks for.
public struct PublicFeedbackFilter: Sendable {
    public var organisationIDs: [UUID]
    /// When given, the other conditions but the organisations are ignored, as GeoReport says.
    public var ids: [UUID]?
    public var targetIDs: [UUID]?
    public var unitIDs: [UUID]?
    /// When the feedback was given.
    public var from: Date?
    public var to: Date?
    /// When its public history last moved (`updated_datetime`).
    public var updatedFrom: Date?
    public var updatedTo: Date?
    public var statuses: Set<Open311History.Status>?
    public var limit: Int
    /// Organisations that publish open text without a handler's review.
    public var publishedWithoutReview: Set<UUID> = []

    public init(organisationIDs: [UUID], ids: [UUID]? = nil, targetIDs: [UUID]? = nil, unitIDs: [UUID]? = nil, from: Date? = nil,
                to: Date? = nil, updatedFrom: Date? = nil, updatedTo: Date? = nil, statuses: Set<Open311History.Status>? = nil, limit: Int) {
        self.organisationIDs = organisationIDs
        self.ids = ids
        self.targetIDs = targetIDs
        self.unitIDs = unitIDs
        self.from = from
        self.to = to
        self.updatedFrom = updatedFrom
        self.updatedTo = updatedTo
        self.statuses = statuses
        self.limit = limit
    }
}
