/// The additive counts of one rollup row, in a flat array so that adding an
/// answer touches a handful of integers: responses, the recommendation by
/// score 0–10, and for each statement slot the answers by value 0–5 (0 is
/// "cannot say").
public struct RollupCounts: Sendable, Hashable {
    /// Statements a survey may have and still be rolled up; the THL core has seven.
    public static let statementSlots = 12
    public static let width = 1 + 11 + statementSlots * 6

    public private(set) var values: [Int]

    public init() {
        values = Array(repeating: 0, count: Self.width)
    }

    public init(values: [Int]) {
        precondition(values.count == Self.width, "a rollup row has \(Self.width) counts")
        self.values = values
    }

    public var responses: Int { values[0] }

    public func recommendation(_ score: Int) -> Int { values[1 + score] }

    public func statement(slot: Int, value: Int) -> Int { values[12 + slot * 6 + value] }

    /// How many statement slots from the first hold any count.
    public var slotsInUse: Int {
        guard let last = values.lastIndex(where: { $0 != 0 }), last >= 12 else { return 0 }
        return (last - 12) / 6 + 1
    }

    public mutating func add(_ answer: RollupAnswer) {
        values[0] += 1
        if let score = answer.recommendation, (0...10).contains(score) { values[1 + score] += 1 }
        for (slot, value) in answer.statements where (0..<Self.statementSlots).contains(slot) && (0...5).contains(value) {
            values[12 + slot * 6 + value] += 1
        }
    }

    /// Answers joining (positive) or leaving (negative) a row whose other
    /// counts do not apply, such as the `themes` dimension's.
    public mutating func add(responses: Int) {
        values[0] += responses
    }

    public mutating func add(_ other: RollupCounts) {
        for index in 0..<Self.width { values[index] += other.values[index] }
    }

    /// The counts as a `Tally`, naming the slots by the survey's statement ids.
    public func tally(statementIDs: [String]) -> Tally {
        var tally = Tally(responses: responses, recommendation: Array(values[1...11]))
        for (slot, id) in statementIDs.prefix(Self.statementSlots).enumerated() {
            let counts = Array(values[(12 + slot * 6)..<(18 + slot * 6)])
            if counts.contains(where: { $0 > 0 }) { tally.statements[id] = counts }
        }
        return tally
    }
}
