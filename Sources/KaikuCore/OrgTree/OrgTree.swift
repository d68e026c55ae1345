/// An organisation's units as a tree of any depth. Built once per report from
/// the unit table; every query about ancestry and subtrees goes through it.
public struct OrgTree<ID: Hashable & Sendable>: Sendable {
    public struct Node: Sendable {
        public var id: ID
        public var parent: ID?
    }

    public private(set) var nodes: [ID: Node] = [:]
    public private(set) var children: [ID: [ID]] = [:]
    public private(set) var roots: [ID] = []

    /// Units whose parent is unknown become roots rather than vanish, so a
    /// broken import still shows every answer somewhere.
    public init(_ pairs: [(id: ID, parent: ID?)]) {
        for pair in pairs { nodes[pair.id] = Node(id: pair.id, parent: pair.parent) }
        for pair in pairs {
            if let parent = pair.parent, nodes[parent] != nil, parent != pair.id {
                children[parent, default: []].append(pair.id)
            } else {
                roots.append(pair.id)
            }
        }
    }

    public func contains(_ id: ID) -> Bool { nodes[id] != nil }

    public func parent(of id: ID) -> ID? {
        guard let parent = nodes[id]?.parent, nodes[parent] != nil else { return nil }
        return parent
    }

    /// From the unit's parent up to the root.
    public func ancestors(of id: ID) -> [ID] {
        var result: [ID] = []
        var seen: Set<ID> = [id]
        var current = parent(of: id)
        while let next = current, seen.insert(next).inserted {
            result.append(next)
            current = parent(of: next)
        }
        return result
    }

    /// The unit and everything below it, parents before children.
    public func subtree(of id: ID) -> [ID] {
        guard contains(id) else { return [] }
        var result: [ID] = []
        var stack = [id]
        var seen: Set<ID> = []
        while let next = stack.popLast() {
            guard seen.insert(next).inserted else { continue }
            result.append(next)
            stack.append(contentsOf: (children[next] ?? []).reversed())
        }
        return result
    }

    public func isInSubtree(_ id: ID, of root: ID) -> Bool {
        id == root || ancestors(of: id).contains(root)
    }

    public func depth(of id: ID) -> Int { ancestors(of: id).count }
}
