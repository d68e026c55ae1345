import Foundation
import KaikuCore
import NIOConcurrencyHelpers

/// An organisation's units as read once, with what nearly every staff
/// request derives from them: the units by id, the tree, the codes and the
/// subtrees seen from a unit. Building those from a few hundred Fluent
/// models on every request cost more than a small report's figures
/// (BENCHMARKS.md, DuckDB reference); a snapshot is built when its units are
/// read and shared by the requests that follow, until the units change.
public final class OrgSnapshot: @unchecked Sendable {
    public let units: [OrgUnit]
    public let byID: [UUID: OrgUnit]
    public let tree: OrgTree<UUID>
    public let codes: [UUID: String]
    /// Units by code (codes are unique in an organisation): a report names its unit by code.
    public let byCode: [String: OrgUnit]
    private let lock = NIOLock()
    private var subtrees: [UUID: Set<UUID>] = [:]

    public init(units: [OrgUnit]) {
        let identified = units.compactMap { unit in unit.id.map { (id: $0, unit: unit) } }
        self.units = units
        byID = Dictionary(identified.map { ($0.id, $0.unit) }, uniquingKeysWith: { first, _ in first })
        tree = OrgTree(identified.map { (id: $0.id, parent: $0.unit.parentID) })
        codes = Dictionary(identified.map { ($0.id, $0.unit.code) }, uniquingKeysWith: { first, _ in first })
        byCode = Dictionary(identified.map { ($0.unit.code, $0.unit) }, uniquingKeysWith: { first, _ in first })
    }

    /// The units in `unit`'s subtree, itself included.
    public func subtree(of unit: UUID) -> Set<UUID> {
        lock.withLock {
            if let known = subtrees[unit] { return known }
            let made = Set(tree.subtree(of: unit))
            subtrees[unit] = made
            return made
        }
    }
}
