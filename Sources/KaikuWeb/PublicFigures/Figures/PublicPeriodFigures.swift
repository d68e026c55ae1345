import Foundation
import KaikuCore

/// One period's figures as the public may see them, from a published
/// snapshot. Staff reports always show n; here a count below the
/// organisation's minimum n is `nil` too, with the reason beside it, and so
/// is every figure `PublicSuppression` hides so that a hidden one cannot be
/// worked out from the units beside it. Only figures derived from the
/// rollups exist here: no open text, no contact details, no receipts can
/// reach a public page through this type.
struct PublicPeriodFigures: Sendable {
    typealias Key = PublicPeriod
    typealias Reason = PublicSuppression.Reason

    struct Statement: Sendable {
        var id: String
        var text: String
        var mean: Double?
        var n: Int?
        /// Why the mean and n are hidden, when they are.
        var hidden: Reason?
    }

    /// A child unit's line: enough to compare, with a link to its own page.
    struct Child: Sendable {
        var code: String
        var name: String
        var n: Int?
        var nps: Int?
        /// Why the whole line is hidden, when it is.
        var hidden: Reason?
    }

    var key: Key
    var from: CalendarDay
    var to: CalendarDay
    /// When these figures were published; they stay until enough new answers come in.
    var publishedAt: Date
    var n: Int?
    /// Why n, and with it every other figure of the period, is hidden.
    var hidden: Reason?
    var nps: Int?
    var promoters: Int?
    var passives: Int?
    var detractors: Int?
    var statements: [Statement]
    var children: [Child]

    init(key: Key, from: CalendarDay, to: CalendarDay, publishedAt: Date, tally: Tally, mask: PublicSuppression.Mask,
         statementOrder: [String], statementTexts: [String: String], children: [Child], policy: SuppressionPolicy) {
        self.key = key
        self.from = from
        self.to = to
        self.publishedAt = publishedAt
        let figures = Figures(tally: tally, statementOrder: statementOrder, policy: policy)
        let whole = mask.responses
        hidden = whole
        let shown = whole == nil
        n = shown ? figures.n : nil
        // Figures has already hidden these below the minimum number of recommendation answers.
        let npsShown = shown && mask.recommendation == nil
        nps = npsShown ? figures.nps : nil
        promoters = npsShown ? figures.promoters : nil
        passives = npsShown ? figures.passives : nil
        detractors = npsShown ? figures.detractors : nil
        statements = figures.statements.map { statement in
            let reason = shown ? mask.statements[statement.id] : (mask.statements[statement.id] ?? whole)
            return Statement(id: statement.id, text: statementTexts[statement.id] ?? statement.id,
                             mean: reason == nil ? statement.mean : nil, n: reason == nil ? statement.n : nil, hidden: reason)
        }
        self.children = children
    }

    /// The child's line from its own snapshot and mask.
    static func child(code: String, name: String, tally: Tally, mask: PublicSuppression.Mask, policy: SuppressionPolicy) -> Child {
        guard mask.responses == nil else { return Child(code: code, name: name, n: nil, nps: nil, hidden: mask.responses) }
        let figures = Figures(tally: tally, statementOrder: [], policy: policy)
        return Child(code: code, name: name, n: figures.n, nps: mask.recommendation == nil ? figures.nps : nil, hidden: nil)
    }

    /// Promoters, passives and detractors as whole percentages adding up to 100, when shown.
    var shares: (promoters: Int, passives: Int, detractors: Int)? {
        guard let promoters, let passives, let detractors, promoters + passives + detractors > 0 else { return nil }
        let values = FigureFormat.shares([promoters, passives, detractors])
        return (values[0], values[1], values[2])
    }
}
