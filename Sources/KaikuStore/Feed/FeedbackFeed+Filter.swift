import Foundation
import KaikuCore

extension FeedbackFeed {
    /// The recommendation score's bands, as the NPS counts them.
    public enum ScoreBand: String, Sendable, CaseIterable {
        case detractor, passive, promoter

        public var scores: ClosedRange<Int> {
            switch self {
            case .detractor: 0...6
            case .passive: 7...8
            case .promoter: 9...10
            }
        }
    }

    /// What the feed shows; every value already checked by the caller
    /// (codes turned into ids, the unit inside the staff member's scope).
    public struct Filter: Sendable, Equatable {
        /// The units whose answers show; nil for the whole organisation,
        /// which lets the database walk one index instead of one per unit.
        public var units: [UUID]?
        /// Calendar days of the organisation, inclusive.
        public var from: CalendarDay?
        public var to: CalendarDay?
        /// The organisation's zone, which turns `from` into a bound on when answers were received.
        public var timeZone: TimeZone?
        public var targetID: UUID?
        public var channel: String?
        public var language: String?
        /// A theme code, matched against the stored ",code1,code2,".
        public var theme: String?
        public var sentiment: String?
        public var score: ScoreBand?
        /// Read (true) or not yet read (false) by the staff member asking.
        public var read: Bool?
        public var flagged: Bool?
        /// Words to find in the masked open text, case-insensitively.
        public var text: String?

        public init(units: [UUID]?) {
            self.units = units
        }
    }

    /// Where a page ends, for reading on after it without an offset (the CSV download).
    public struct Cursor: Sendable, Equatable {
        public var receivedAt: Date
        public var id: UUID

        public init(receivedAt: Date, id: UUID) {
            self.receivedAt = receivedAt
            self.id = id
        }
    }

    /// One answer of the feed.
    public struct Row: Sendable, Equatable {
        public var id: UUID
        public var receivedAt: Date
        public var targetID: UUID
        public var unitID: UUID
        public var channel: String
        public var language: String
        public var recommendation: Int?
        /// Masked as stored.
        public var openText: String
        /// Theme codes, strongest first.
        public var themes: [String]
        public var sentiment: String?
        /// Read by the staff member who asked.
        public var read: Bool
        public var flagged: Bool
        public var hiddenFromPublic: Bool
        public var publishedAt: Date?

        public var cursor: Cursor { Cursor(receivedAt: receivedAt, id: id) }

        /// Where the text stands on its way to the public list under the organisation's setting.
        public func publicState(publishing: OpenTextPublishing) -> FeedbackResponse.PublicState {
            FeedbackResponse.PublicState(hasText: true, hidden: hiddenFromPublic, publishedAt: publishedAt, publishing: publishing)
        }
    }
}
