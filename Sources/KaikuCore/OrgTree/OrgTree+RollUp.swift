extension OrgTree {
    /// Adds each unit's own tallies to every ancestor, so that each unit's
    /// result covers its whole subtree. Units without answers of their own
    /// still get an entry when anything below them was answered.
    public func rollUp(_ own: [ID: Tally]) -> [ID: Tally] {
        var totals: [ID: Tally] = [:]
        for (id, tally) in own where contains(id) {
            totals[id, default: .empty].add(tally)
            for ancestor in ancestors(of: id) {
                totals[ancestor, default: .empty].add(tally)
            }
        }
        return totals
    }
}
