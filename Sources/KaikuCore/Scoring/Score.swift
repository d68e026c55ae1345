/// The arithmetic of the national figures, kept in one place so that every
/// report, page and export rounds the same way.
public enum Score {
    /// Net Promoter Score as a whole number in −100…100: promoters (9–10)
    /// minus detractors (0–6) as a share of all who answered. Halves round
    /// away from zero, in integer arithmetic so that no binary fraction can
    /// tip a boundary case.
    public static func nps(promoters: Int, detractors: Int, answers: Int) -> Int? {
        guard answers > 0 else { return nil }
        let numerator = 100 * (promoters - detractors)
        let magnitude = (2 * abs(numerator) + answers) / (2 * answers)
        return numerator < 0 ? -magnitude : magnitude
    }

    /// Mean of a 1–5 statement with "cannot say" (index 0) left out, to two
    /// decimals as reports show it; halves of a hundredth round up, decided in
    /// integers like the NPS.
    public static func mean(ofStatementCounts counts: [Int]) -> Double? {
        let n = counts[1...5].reduce(0, +)
        guard n > 0 else { return nil }
        let sum = (1...5).reduce(0) { $0 + $1 * counts[$1] }
        return Double((200 * sum + n) / (2 * n)) / 100
    }
}
