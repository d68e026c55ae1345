/// A summary report built from totals already summed over subtrees, as the
/// subtree rollups give them: the root's by group key, and each child's
/// whole. Nothing is rolled up here, so the work does not grow with the
/// number of units below the root.
extension SummaryReport {
    public static func build(
        root: [String: Tally], children: [(key: String, tally: Tally)]?, grouping: Grouping,
        statementOrder: [String], answeredOnly: Set<String> = [], policy: SuppressionPolicy
    ) -> SummaryReport {
        func figures(_ tally: Tally) -> Figures {
            Figures(tally: tally, statementOrder: statementOrder, answeredOnly: answeredOnly, policy: policy)
        }
        let whole = root.values.reduce(Tally.empty, +)
        let groups: [Group] = switch grouping {
        case .none: []
        case .children: (children ?? []).map { Group(key: $0.key, figures: figures($0.tally)) }.sorted { $0.key < $1.key }
        case .keys: root.map { Group(key: $0.key, figures: figures($0.value)) }.sorted { $0.key < $1.key }
        }
        return SummaryReport(whole: figures(whole), groups: groups)
    }
}
