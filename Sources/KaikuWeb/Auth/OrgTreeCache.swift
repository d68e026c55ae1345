import FluentKit
import Foundation
import KaikuStore
import SQLKit

/// Keeps each organisation's units for a short while: nearly every staff
/// request needs the whole tree, and reading a few hundred units was most of
/// a small report's time. A unit added shows at once (the count is checked on
/// every use); a renamed or moved unit takes effect within `lifetime`.
actor OrgTreeCache {
    private var entries: [UUID: (snapshot: OrgSnapshot, expires: Date)] = [:]
    private let lifetime: TimeInterval

    init(lifetime: TimeInterval = 30) {
        self.lifetime = lifetime
    }

    func snapshot(of organisationID: UUID, now: Date, on database: any Database) async throws -> OrgSnapshot {
        if let entry = entries[organisationID], entry.expires > now {
            let count = try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from(OrgUnit.schema).where("organisation_id", .equal, SQLBind(organisationID)).first()?
                .decode(column: "n", as: Int.self)
            if count == entry.snapshot.units.count { return entry.snapshot }
        }
        let snapshot = OrgSnapshot(units: try await OrgUnit.all(in: organisationID, on: database))
        entries[organisationID] = (snapshot, now.addingTimeInterval(lifetime))
        return snapshot
    }

    /// Forgets every tree, after an import changed one: a rename, move or
    /// closure must show at once on this server, not within `lifetime`.
    func removeAll() {
        entries.removeAll()
    }
}
