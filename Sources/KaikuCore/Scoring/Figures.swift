/// What a report shows for one group of responses. A figure whose base is
/// below the organisation's minimum n is `nil`, never a number, so that a
/// small group's answers cannot be read off a report.
public struct Figures: Sendable, Hashable {
    public struct Statement: Sendable, Hashable {
        public var id: String
        /// Answers on the scale, "cannot say" excluded; always given.
        public var n: Int
        public var mean: Double?
        /// Counts for 1…5, suppressed with the mean.
        public var distribution: [Int]?
        public var cannotSay: Int?
    }

    public var n: Int
    public var recommendationAnswers: Int
    public var nps: Int?
    public var promoters: Int?
    public var passives: Int?
    public var detractors: Int?
    public var statements: [Statement]

    /// Statements in `answeredOnly` (dropped from the survey since) are
    /// listed only where the tally holds answers to them, so that a report
    /// shows each statement for the periods it was asked.
    public init(tally: Tally, statementOrder: [String], answeredOnly: Set<String> = [], policy: SuppressionPolicy) {
        n = tally.responses
        recommendationAnswers = tally.recommendationAnswers
        if policy.allows(recommendationAnswers) {
            nps = Score.nps(promoters: tally.promoters, detractors: tally.detractors, answers: recommendationAnswers)
            promoters = tally.promoters
            passives = tally.passives
            detractors = tally.detractors
        }
        statements = statementOrder.filter { !answeredOnly.contains($0) || tally.statements[$0] != nil }.map { id in
            let counts = tally.statements[id] ?? Array(repeating: 0, count: 6)
            let answered = counts[1...5].reduce(0, +)
            let shown = policy.allows(answered)
            return Statement(
                id: id, n: answered,
                mean: shown ? Score.mean(ofStatementCounts: counts) : nil,
                distribution: shown ? Array(counts[1...5]) : nil,
                cannotSay: shown ? counts[0] : nil
            )
        }
    }
}
