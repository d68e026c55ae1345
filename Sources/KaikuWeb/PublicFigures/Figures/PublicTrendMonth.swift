import Foundation
import KaikuCore

/// One month of a unit's public 12-month trend: n and NPS as published, or
/// why they are hidden. Built only from the monthly snapshots and
/// `PublicTrend`'s masks, so a hidden month cannot be worked out from the
/// shown ones, the unit's neighbours or an earlier visit.
struct PublicTrendMonth: Sendable, Equatable {
    var month: CalendarDay
    var n: Int?
    var nps: Int?
    /// Why n (and with it the NPS) is hidden, when it is.
    var hidden: PublicSuppression.Reason?

    init(month: CalendarDay, tally: Tally, mask: PublicSuppression.Mask, policy: SuppressionPolicy) {
        self.month = month
        hidden = mask.responses
        guard mask.responses == nil else { return }
        let figures = Figures(tally: tally, statementOrder: [], policy: policy)
        n = figures.n
        nps = mask.recommendation == nil ? figures.nps : nil
    }

    /// The unit's months, oldest first.
    static func trend(unitID: UUID, tree: OrgTree<UUID>, months: [CalendarDay], tallies: [[UUID: Tally]],
                      policy: SuppressionPolicy) -> [PublicTrendMonth] {
        let masks = PublicTrend.masks(tree: tree, tallies: tallies, policy: policy)
        return months.indices.map { index in
            PublicTrendMonth(month: months[index], tally: tallies[index][unitID] ?? .empty, mask: masks[index][unitID] ?? .init(), policy: policy)
        }
    }
}
