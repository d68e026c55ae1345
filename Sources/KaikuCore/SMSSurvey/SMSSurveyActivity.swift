/// What the SMS survey did with the visits of a period: how many came in,
/// how many were asked, how many answered, and why the rest were not asked.
/// Counted by visit status, as `SMSSurveyStore.activity` reads them.
public struct SMSSurveyActivity: Sendable, Equatable {
    /// Visit status → count, with the status names of `Visit.Status`.
    public var byStatus: [String: Int]
    public var skipped: [VisitSkip: Int]

    public init(byStatus: [String: Int] = [:], skipped: [VisitSkip: Int] = [:]) {
        self.byStatus = byStatus
        self.skipped = skipped
    }

    public var visits: Int { byStatus.values.reduce(0, +) }
    public var waiting: Int { byStatus["scheduled", default: 0] }
    /// Questions that went out, whatever came of them.
    public var asked: Int { ["asked", "commentAsked", "done", "optedOut", "expired"].reduce(0) { $0 + byStatus[$1, default: 0] } }
    /// A score arrived (a comment may still be awaited).
    public var answered: Int { byStatus["commentAsked", default: 0] + byStatus["done", default: 0] }
    public var optedOut: Int { byStatus["optedOut", default: 0] }

    /// Answered of asked, in whole percent; nil before any question went out.
    public var responseRatePercent: Int? {
        asked == 0 ? nil : Int((Double(answered) * 100 / Double(asked)).rounded())
    }
}
