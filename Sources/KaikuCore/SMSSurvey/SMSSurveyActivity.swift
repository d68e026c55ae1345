/// What the SMS survey did with the visits of a period: how many came in,
/// how many were asked, how many answered, and why the rest were not asked.
/// `SMSSurveyStore.activity` counts them in the database.
public struct SMSSurveyActivity: Sendable, Equatable {
    public var visits: Int
    /// Questions that went out, whatever came of them (a visit's question time is kept).
    public var asked: Int
    /// A score arrived, whether or not a comment or a stop followed.
    public var answered: Int
    /// Visits whose number answered a stop word, asked or still waiting.
    public var optedOut: Int
    /// Questions waiting for their time.
    public var waiting: Int
    public var skipped: [VisitSkip: Int]

    public init(visits: Int = 0, asked: Int = 0, answered: Int = 0, optedOut: Int = 0, waiting: Int = 0, skipped: [VisitSkip: Int] = [:]) {
        self.visits = visits
        self.asked = asked
        self.answered = answered
        self.optedOut = optedOut
        self.waiting = waiting
        self.skipped = skipped
    }

    /// Answered of asked, in whole percent; nil before any question went out.
    public var responseRatePercent: Int? {
        asked == 0 ? nil : Int((Double(answered) * 100 / Double(asked)).rounded())
    }
}
