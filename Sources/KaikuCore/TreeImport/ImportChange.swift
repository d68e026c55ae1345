import Foundation

/// A unit or target as an import compares it.
public protocol ImportedState: Sendable, Hashable, Codable {
    /// What the change from `before` (nil: it did not exist) to `self` is; empty when nothing changed.
    func changes(from before: Self?) -> Set<ImportChangeKind>
}

/// One unit or target an import changes: its state before (nil when added)
/// and after, the file line it comes from (nil for a unit closed because the
/// file left it out), and the kinds of change in the order the audit log
/// records them.
public struct ImportChange<State: ImportedState>: Sendable, Hashable {
    public var line: Int?
    public var before: State?
    public var after: State
    public var kinds: [ImportChangeKind]

    public init(line: Int?, before: State?, after: State) {
        self.line = line
        self.before = before
        self.after = after
        let kinds = after.changes(from: before)
        self.kinds = ImportChangeKind.allCases.filter(kinds.contains)
    }
}

extension Array {
    /// A short text that is the same for the same changes on every server,
    /// so that a previewed plan can be told apart from one made later: an
    /// FNV-1a hash of the changes as sorted-key JSON.
    func importFingerprint<State: ImportedState>() -> String where Element == ImportChange<State> {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for change in self {
            let bytes = (try? encoder.encode([change.before, change.after])) ?? Data()
            for byte in bytes + [0] {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        return String(hash, radix: 16)
    }
}

extension UnitImportPlan {
    /// Identifies the changes this plan makes; see `ImportChange`'s fingerprint.
    public var fingerprint: String { changes.importFingerprint() }
}

extension TargetImportPlan {
    public var fingerprint: String { changes.importFingerprint() }
}
