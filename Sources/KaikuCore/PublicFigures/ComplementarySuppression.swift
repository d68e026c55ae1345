/// Which of a parent's children to hide so that a hidden child cannot be
/// worked out from the parent and its shown siblings.
///
/// Hiding one small child is not enough when its parent and siblings are
/// shown: the parent minus the shown siblings is exactly the hidden rest.
/// That rest (hidden children plus the parent's own answers) must therefore
/// be nothing at all or at least the minimum n; while it is not, the smallest
/// child still shown is hidden too, the cheapest way to make it large enough.
public enum ComplementarySuppression {
    /// The indices of `children` to hide: those below the minimum, those in
    /// `alreadyHidden`, and as many of the smallest others as the rule needs.
    /// `parent` counts the parent's whole subtree, its own answers included.
    public static func hidden(parent: Int, children: [Int], policy: SuppressionPolicy, alreadyHidden: Set<Int> = []) -> Set<Int> {
        var hidden = alreadyHidden.union(children.indices.filter { !policy.allows(children[$0]) })
        while true {
            let shown = children.indices.filter { !hidden.contains($0) }
            let rest = parent - shown.reduce(0) { $0 + children[$1] }
            if rest <= 0 || policy.allows(rest) { return hidden }
            // Ties go to the first, so that every instance hides the same child.
            guard let smallest = shown.min(by: { children[$0] < children[$1] }) else { return hidden }
            hidden.insert(smallest)
        }
    }
}
