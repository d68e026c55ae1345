/// A report for one unit's subtree and period: the figures for the whole and
/// for each group (child unit, channel, language or month).
public struct SummaryReport: Sendable, Hashable {
    public struct Group: Sendable, Hashable {
        public var key: String
        public var figures: Figures
    }

    public var whole: Figures
    public var groups: [Group]

    public enum Grouping: Sendable {
        /// No groups, only the whole.
        case none
        /// The root's child units, each with its whole subtree.
        case children
        /// The group keys the tallies carry (channel, language, month).
        case keys
    }

    /// Builds the report from each unit's own tallies keyed by group.
    /// `key` gives a unit's public code, the group key of child units.
    public static func build<ID: Hashable & Sendable>(
        tree: OrgTree<ID>, root: ID, tallies: [ID: [String: Tally]], grouping: Grouping,
        statementOrder: [String], answeredOnly: Set<String> = [], policy: SuppressionPolicy, key: (ID) -> String
    ) -> SummaryReport {
        let subtree = tree.subtree(of: root)
        var whole = Tally.empty
        var byGroup: [String: Tally] = [:]
        for unit in subtree {
            for (group, tally) in tallies[unit] ?? [:] {
                whole.add(tally)
                if grouping == .keys { byGroup[group, default: .empty].add(tally) }
            }
        }
        var groups: [Group] = []
        if grouping == .children {
            let own = tallies.mapValues { $0.values.reduce(Tally.empty, +) }
            let rolled = tree.rollUp(own)
            groups = (tree.children[root] ?? []).map { child in
                Group(key: key(child), figures: Figures(tally: rolled[child] ?? .empty, statementOrder: statementOrder, answeredOnly: answeredOnly, policy: policy))
            }.sorted { $0.key < $1.key }
        } else if grouping == .keys {
            groups = byGroup.map { Group(key: $0.key, figures: Figures(tally: $0.value, statementOrder: statementOrder, answeredOnly: answeredOnly, policy: policy)) }
                .sorted { $0.key < $1.key }
        }
        return SummaryReport(
            whole: Figures(tally: whole, statementOrder: statementOrder, answeredOnly: answeredOnly, policy: policy),
            groups: groups
        )
    }
}
