import FluentKit
import Foundation
import KaikuCore

extension SummaryQuery {
    /// What every summary of one organisation reads before its rollups: the
    /// org tree, the units' codes and the surveys' statement ids. A page that
    /// makes several summaries (the dashboard makes seven) reads them once.
    public struct Shared: Sendable {
        public var tree: OrgTree<UUID>
        public var codes: [UUID: String]
        public var statementIDs: [UUID: [String]]?

        /// `units` are the organisation's units when the caller has them at
        /// hand; `statementIDs` nil reads the surveys at each summary.
        public init(organisation: Organisation, units known: [OrgUnit]?, statementIDs: [UUID: [String]]?, on database: any Database) async throws {
            let units: [OrgUnit]
            if let known { units = known } else { units = try await OrgUnit.all(in: organisation.requireID(), on: database) }
            tree = OrgTree(units.map { (id: $0.id!, parent: $0.parentID) })
            codes = Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0.code) })
            self.statementIDs = statementIDs
        }

        /// From units read earlier (`OrgSnapshot`): nothing is read again.
        public init(snapshot: OrgSnapshot, statementIDs: [UUID: [String]]?) {
            tree = snapshot.tree
            codes = snapshot.codes
            self.statementIDs = statementIDs
        }
    }
}
