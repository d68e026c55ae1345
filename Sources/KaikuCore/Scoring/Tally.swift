/// Additive counts from which every figure is derived. Tallies of disjoint
/// sets of responses add up, which is what makes roll-up through the org tree
/// and pre-aggregated rollups exact.
public struct Tally: Sendable, Hashable, Codable {
    /// Responses counted, whether or not they answered the recommendation question.
    public var responses: Int
    /// Answers to the recommendation question by score 0–10.
    public var recommendation: [Int]
    /// Statement answers by question id; index 0 is "cannot say", 1–5 the scale.
    public var statements: [String: [Int]]

    public init(responses: Int = 0, recommendation: [Int] = Array(repeating: 0, count: 11), statements: [String: [Int]] = [:]) {
        precondition(recommendation.count == 11, "recommendation counts are indexed by score 0–10")
        self.responses = responses
        self.recommendation = recommendation
        self.statements = statements
    }

    public static let empty = Tally()

    public mutating func add(recommendation score: Int, count: Int = 1) {
        recommendation[score] += count
    }

    /// `value` 0 records "cannot say".
    public mutating func add(statement id: String, value: Int, count: Int = 1) {
        statements[id, default: Array(repeating: 0, count: 6)][value] += count
    }

    public mutating func add(_ other: Tally) {
        responses += other.responses
        for score in 0...10 { recommendation[score] += other.recommendation[score] }
        for (id, counts) in other.statements {
            var mine = statements[id, default: Array(repeating: 0, count: 6)]
            for value in 0...5 { mine[value] += counts[value] }
            statements[id] = mine
        }
    }

    public static func + (lhs: Tally, rhs: Tally) -> Tally {
        var sum = lhs
        sum.add(rhs)
        return sum
    }

    public var promoters: Int { recommendation[9] + recommendation[10] }
    public var passives: Int { recommendation[7] + recommendation[8] }
    public var detractors: Int { recommendation[0...6].reduce(0, +) }
    public var recommendationAnswers: Int { recommendation.reduce(0, +) }
}
