/// What an import changes, counted by kind. A unit or target both renamed
/// and moved counts in both; `unchanged` counts those with no change at all.
public struct ImportCounts: Sendable, Hashable, Codable {
    public var added = 0
    public var renamed = 0
    public var moved = 0
    public var closed = 0
    public var reopened = 0
    public var unchanged = 0

    public init() {}

    mutating func count(_ kinds: Set<ImportChangeKind>) {
        if kinds.isEmpty { unchanged += 1 }
        if kinds.contains(.added) { added += 1 }
        if kinds.contains(.renamed) { renamed += 1 }
        if kinds.contains(.moved) { moved += 1 }
        if kinds.contains(.closed) { closed += 1 }
        if kinds.contains(.reopened) { reopened += 1 }
    }

    public var changed: Int { added + renamed + moved + closed + reopened }
}

/// The kinds of change an import makes to one unit or target. The raw value
/// is the audit log's verb (`unit.rename`, `target.move`…).
public enum ImportChangeKind: String, Sendable, Hashable, Codable, CaseIterable {
    case added = "add"
    case renamed = "rename"
    case moved = "move"
    case closed = "close"
    case reopened = "reopen"
}
