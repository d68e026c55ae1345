/// A unit as the import compares it: by code, with its parent's code. The
/// same shape describes a unit in the database and a row of the file.
public struct UnitState: ImportedState {
    public var code: String
    public var parent: String?
    public var name: LocalizedText
    public var oid: String?
    public var closed: Bool

    public init(code: String, parent: String?, name: LocalizedText, oid: String?, closed: Bool) {
        self.code = code
        self.parent = parent
        self.name = name
        self.oid = oid
        self.closed = closed
    }

    /// What the change from `before` to `self` is; empty when nothing changed.
    public func changes(from before: UnitState?) -> Set<ImportChangeKind> {
        guard let before else { return [.added] }
        var kinds: Set<ImportChangeKind> = []
        if name != before.name || oid != before.oid { kinds.insert(.renamed) }
        if parent != before.parent { kinds.insert(.moved) }
        if closed != before.closed { kinds.insert(closed ? .closed : .reopened) }
        return kinds
    }
}

