/// Which units' subtree totals a change of the tree moves. Reports read a
/// unit with children from totals kept for its whole subtree, so a unit
/// that gains or loses descendants, or gains or loses its first child, must
/// have its totals made again; every other unit's stay right.
extension OrgTree {
    /// Units with at least one child.
    public var parents: Set<ID> { Set(children.keys) }

    /// The units of `new` and of this tree whose subtree totals differ
    /// between the two: every unit that was in a unit's ancestry in one tree
    /// but not in the other, and every unit that gained its first child or
    /// lost its last. Units only in `new` hold no answers yet, so they move
    /// no totals; their parents matter only when they stop being leaves.
    public func subtreesChanged(to new: OrgTree<ID>) -> Set<ID> {
        var changed: Set<ID> = []
        for id in nodes.keys {
            let before = Set(ancestors(of: id))
            let after = new.contains(id) ? Set(new.ancestors(of: id)) : []
            changed.formUnion(before.symmetricDifference(after))
        }
        changed.formUnion(parents.symmetricDifference(new.parents))
        return changed
    }
}
