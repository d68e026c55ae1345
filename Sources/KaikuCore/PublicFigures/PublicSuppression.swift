/// Which public figures of every unit in an organisation's tree to hide,
/// and why. Staff reports hide a figure below the minimum n; the public
/// figures, where anyone can set a unit beside its parent and siblings, also
/// hide what would let a hidden figure be worked out by subtraction.
///
/// Each kind of figure has its own base (responses for n, recommendation
/// answers for NPS and its shares, each statement's answers for its mean),
/// and the same rule is run for each, from the roots down:
/// a root is hidden when below the minimum; a parent's children by
/// `ComplementarySuppression`; and every child of a hidden unit is hidden,
/// since shown children would give back what their parent hides.
public enum PublicSuppression {
    public enum Reason: String, Sendable, Hashable {
        /// Fewer answers than the minimum n.
        case belowMinimum
        /// Enough answers, but hidden so that a smaller group cannot be worked out.
        case complementary
    }

    /// What to hide of one unit's figures; `nil` means shown.
    public struct Mask: Sendable, Hashable {
        public var responses: Reason?
        public var recommendation: Reason?
        public var statements: [String: Reason]

        public init(responses: Reason? = nil, recommendation: Reason? = nil, statements: [String: Reason] = [:]) {
            self.responses = responses
            self.recommendation = recommendation
            self.statements = statements
        }
    }

    /// `tallies` are each unit's whole subtree (as `OrgTree.rollUp` gives them); a unit without one has no answers.
    public static func masks<ID: Hashable & Sendable>(
        tree: OrgTree<ID>, tallies: [ID: Tally], statementOrder: [String], policy: SuppressionPolicy
    ) -> [ID: Mask] {
        let tally = { (id: ID) in tallies[id] ?? .empty }
        let responses = hidden(tree: tree, policy: policy, preHidden: [:]) { tally($0).responses }
        // A unit whose n is hidden shows nothing else, and the rest of its siblings' figures must allow for that.
        let recommendation = hidden(tree: tree, policy: policy, preHidden: responses) { tally($0).recommendationAnswers }
        var statements: [String: [ID: Reason]] = [:]
        for id in statementOrder {
            statements[id] = hidden(tree: tree, policy: policy, preHidden: responses) { unit in
                (tally(unit).statements[id] ?? []).dropFirst().reduce(0, +)
            }
        }
        var masks: [ID: Mask] = [:]
        for unit in tree.nodes.keys {
            var mask = Mask(responses: responses[unit], recommendation: recommendation[unit])
            for id in statementOrder { mask.statements[id] = statements[id]?[unit] }
            masks[unit] = mask
        }
        return masks
    }

    /// The units whose figure counted by `count` is hidden, each with its reason.
    static func hidden<ID: Hashable & Sendable>(
        tree: OrgTree<ID>, policy: SuppressionPolicy, preHidden: [ID: Reason], count: (ID) -> Int
    ) -> [ID: Reason] {
        var hidden: [ID: Reason] = [:]
        func reason(_ id: ID) -> Reason { policy.allows(count(id)) ? .complementary : .belowMinimum }
        // Roots first, then each level: a child's fate depends on its parent's.
        var queue: [ID] = []
        for root in tree.roots {
            if preHidden[root] != nil || !policy.allows(count(root)) { hidden[root] = reason(root) }
            queue.append(root)
        }
        var next = 0
        while next < queue.count {
            let parent = queue[next]
            next += 1
            // Sorted so that ties between equal children fall the same way everywhere.
            let children = (tree.children[parent] ?? []).sorted { "\($0)" < "\($1)" }
            guard !children.isEmpty else { continue }
            let toHide: Set<Int>
            if hidden[parent] != nil {
                toHide = Set(children.indices)
            } else {
                toHide = ComplementarySuppression.hidden(
                    parent: count(parent), children: children.map(count), policy: policy,
                    alreadyHidden: Set(children.indices.filter { preHidden[children[$0]] != nil }))
            }
            for index in toHide { hidden[children[index]] = reason(children[index]) }
            queue.append(contentsOf: children)
        }
        return hidden
    }
}
