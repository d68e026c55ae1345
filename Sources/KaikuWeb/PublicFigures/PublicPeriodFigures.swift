import Foundation
import KaikuCore

/// One period's figures as the public may see them. Staff reports always
/// show n; here every count below the organisation's minimum n is `nil`
/// too, so that nothing about a small group, not even its size, is public.
/// Only figures derived from the rollups exist here: no open text, no
/// contact details, no receipts can reach a public page through this type.
struct PublicPeriodFigures: Sendable {
    enum Key: String, Sendable, CaseIterable {
        case last30days, last12months

        /// Days in the period, today included.
        var days: Int { self == .last30days ? 30 : 365 }
    }

    struct Statement: Sendable {
        var id: String
        var text: String
        var mean: Double?
        var n: Int?
    }

    /// A child unit's line: enough to compare, with a link to its own page.
    struct Child: Sendable {
        var code: String
        var name: String
        var n: Int?
        var nps: Int?
    }

    var key: Key
    var from: CalendarDay
    var to: CalendarDay
    var n: Int?
    var nps: Int?
    var promoters: Int?
    var passives: Int?
    var detractors: Int?
    var statements: [Statement]
    var children: [Child]

    init(key: Key, from: CalendarDay, to: CalendarDay, figures: Figures, statementTexts: [String: String],
         children: [Child], policy: SuppressionPolicy) {
        self.key = key
        self.from = from
        self.to = to
        n = policy.allows(figures.n) ? figures.n : nil
        // Figures has already suppressed these by the number of recommendation answers.
        nps = figures.nps
        promoters = figures.promoters
        passives = figures.passives
        detractors = figures.detractors
        statements = figures.statements.map { statement in
            Statement(id: statement.id, text: statementTexts[statement.id] ?? statement.id, mean: statement.mean,
                      n: policy.allows(statement.n) ? statement.n : nil)
        }
        self.children = children
    }

    /// The child's line from its own figures, suppressed by the same rule as the whole.
    static func child(code: String, name: String, figures: Figures, policy: SuppressionPolicy) -> Child {
        Child(code: code, name: name, n: policy.allows(figures.n) ? figures.n : nil, nps: figures.nps)
    }

    /// Promoters, passives and detractors as whole percentages adding up to 100, when shown.
    var shares: (promoters: Int, passives: Int, detractors: Int)? {
        guard let promoters, let passives, let detractors, promoters + passives + detractors > 0 else { return nil }
        let values = FigureFormat.shares([promoters, passives, detractors])
        return (values[0], values[1], values[2])
    }
}
