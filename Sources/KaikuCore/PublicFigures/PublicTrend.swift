/// Which monthly figures of a 12-month public trend to hide, and why.
///
/// The trend puts two kinds of neighbours beside each month of a unit: the
/// same month of its parent and siblings (anyone can open their pages) and
/// its own other months (which together make up the whole). The rules are
/// those of `PublicSuppression`, run both ways: for each month, over the
/// tree, as the period figures are; and for each unit, over its months, with
/// `ComplementarySuppression` against their sum, so that no hidden month can
/// be had by subtracting the shown ones from a total. Hiding a month for one
/// reason can make another necessary for the other, so both are run until
/// nothing more is hidden.
public enum PublicTrend {
    public static let months = 12

    /// The first days of the `months` whole months before the one `today` is in, oldest first.
    /// The month under way is left out: it is the 30-day figure's business, and it changes daily.
    public static func monthStarts(today: CalendarDay) -> [CalendarDay] {
        (1...months).reversed().compactMap { back in
            let index = today.year * 12 + (today.month - 1) - back
            return CalendarDay(year: index / 12, month: index % 12 + 1, day: 1)
        }
    }

    /// The last day of the month starting on `first`.
    public static func monthEnd(_ first: CalendarDay) -> CalendarDay {
        CalendarDay(year: first.year, month: first.month, day: CalendarDay.daysIn(month: first.month, year: first.year)) ?? first
    }

    /// `tallies[m]` holds each unit's whole-subtree tally in month `m`; the
    /// answer has a mask per month and unit (statements are not shown in the trend).
    public static func masks<ID: Hashable & Sendable>(
        tree: OrgTree<ID>, tallies: [[ID: Tally]], policy: SuppressionPolicy
    ) -> [[ID: PublicSuppression.Mask]] {
        let count = { (month: Int, id: ID) in tallies[month][id] ?? .empty }
        let responses = hidden(tree: tree, months: tallies.count, policy: policy, preHidden: Array(repeating: [:], count: tallies.count)) {
            count($0, $1).responses
        }
        // A month whose n is hidden shows no NPS either, and the rest must allow for that.
        let recommendation = hidden(tree: tree, months: tallies.count, policy: policy, preHidden: responses) {
            count($0, $1).recommendationAnswers
        }
        return tallies.indices.map { month in
            Dictionary(uniqueKeysWithValues: tree.nodes.keys.map { unit in
                (unit, PublicSuppression.Mask(responses: responses[month][unit], recommendation: recommendation[month][unit]))
            })
        }
    }

    static func hidden<ID: Hashable & Sendable>(
        tree: OrgTree<ID>, months: Int, policy: SuppressionPolicy, preHidden: [[ID: PublicSuppression.Reason]], count: (Int, ID) -> Int
    ) -> [[ID: PublicSuppression.Reason]] {
        func reason(_ month: Int, _ id: ID) -> PublicSuppression.Reason {
            policy.allows(count(month, id)) ? .complementary : .belowMinimum
        }
        var hidden = preHidden
        var changed = true
        while changed {
            changed = false
            for month in 0..<months {
                let found = PublicSuppression.hidden(tree: tree, policy: policy, preHidden: hidden[month]) { count(month, $0) }
                for (unit, why) in found where hidden[month][unit] == nil {
                    hidden[month][unit] = why
                    changed = true
                }
            }
            for unit in tree.nodes.keys {
                let counts = (0..<months).map { count($0, unit) }
                let already = Set((0..<months).filter { hidden[$0][unit] != nil })
                let found = ComplementarySuppression.hidden(parent: counts.reduce(0, +), children: counts, policy: policy, alreadyHidden: already)
                for month in found.subtracting(already) {
                    hidden[month][unit] = reason(month, unit)
                    changed = true
                }
            }
        }
        return hidden
    }
}
