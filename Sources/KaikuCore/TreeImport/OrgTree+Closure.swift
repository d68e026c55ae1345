extension OrgTree {
    /// The units that are closed for customers: those closed themselves and
    /// every unit below a closed one. Closing a parent does not close its
    /// children in the register's sense (they keep `closed` false and come
    /// back when it reopens), but nothing under a closed unit is offered.
    public func effectivelyClosed(_ closed: Set<ID>) -> Set<ID> {
        guard !closed.isEmpty else { return [] }
        var result: Set<ID> = []
        for id in closed where contains(id) { result.formUnion(subtree(of: id)) }
        return result
    }
}
