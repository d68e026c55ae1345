import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import KaikuCore
import SQLKit

/// Keeps `subtree_rollups`: for every unit with children, the rollup rows of
/// its whole subtree. A report of the organisation then reads the root's
/// rows and its children's, however many units lie below them, and the
/// work stays the same from a hundred units to thousands.
///
/// Writers add to them in the transaction that adds the units' own rollups
/// (`RollupStore.add`), and a change of the tree makes the totals of the
/// units it moves again from the own rollups (`rebuild`). Both take the
/// organisation's tree lock first, so that on PostgreSQL an answer added
/// while the tree changes is counted under the tree it was added with and
/// then moved by the rebuild, never twice or not at all; SQLite has one
/// writer at a time anyway.
public enum SubtreeRollups {
    /// Adds own rollup rows to the subtree rows of every unit above them
    /// (and of their own unit when it has children).
    static func add(_ rows: [RollupKey: RollupCounts], on sql: any SQLDatabase) async throws {
        let subtree = try await Self.rows(above: rows, on: sql)
        guard !subtree.isEmpty else { return }
        try await RollupStore.add(subtree, into: RollupTable.subtreeName, on: sql)
    }

    /// The subtree rows that own rollup rows add to, under the tree as this
    /// transaction sees it once it holds the tree lock (which it keeps).
    static func rows(above rows: [RollupKey: RollupCounts], on sql: any SQLDatabase) async throws -> [RollupKey: RollupCounts] {
        let organisations = Set(rows.keys.map(\.organisationID))
        var subtree: [RollupKey: RollupCounts] = [:]
        for organisationID in organisations {
            try await lockTree(of: organisationID, on: sql)
            let tree = try await tree(of: organisationID, on: sql)
            let parents = tree.parents
            guard !parents.isEmpty else { continue }
            var chains: [UUID: [UUID]] = [:]
            for (key, counts) in rows where key.organisationID == organisationID {
                let chain = chains[key.unitID] ?? {
                    let chain = (parents.contains(key.unitID) ? [key.unitID] : []) + tree.ancestors(of: key.unitID)
                    chains[key.unitID] = chain
                    return chain
                }()
                for unit in chain {
                    var target = key
                    target.unitID = unit
                    subtree[target, default: RollupCounts()].add(counts)
                }
            }
        }
        return subtree
    }

    /// Makes the subtree rows of `units` (every unit when nil) again from the
    /// own rollups, under the tree as it is now in this transaction: units
    /// without children lose theirs. Call inside a write transaction, after
    /// changing the tree.
    public static func rebuild(organisationID: UUID, units: Set<UUID>?, on sql: any SQLDatabase) async throws {
        try await lockTree(of: organisationID, on: sql)
        let tree = try await tree(of: organisationID, on: sql)
        let flavour = try sql.flavour
        let targets = units.map(Array.init) ?? Array(tree.nodes.keys)
        for chunk in targets.chunked(into: 500) {
            try await sql.raw("""
                DELETE FROM \(unsafeRaw: RollupTable.subtreeName) WHERE unit_id IN (\(unsafeRaw: chunk.map { literal($0, flavour) }.joined(separator: ", ")))
                """).run()
        }
        // Deepest first, each from its own rows and its children's sums: the
        // root then adds up a few dozen areas' rows, not every unit's. A
        // child outside `targets` kept its subtree, so its rows are right.
        let counts = RollupTable.countColumns
        let keys = RollupTable.keyColumns.dropFirst().joined(separator: ", ")
        let summed = counts.map { "SUM(\($0))" }.joined(separator: ", ")
        for unit in targets.filter(tree.parents.contains).sorted(by: { tree.depth(of: $0) > tree.depth(of: $1) }) {
            let children = tree.children[unit] ?? []
            let own = ([unit] + children.filter { !tree.parents.contains($0) }).map { literal($0, flavour) }.joined(separator: ", ")
            let below = children.filter(tree.parents.contains).map { literal($0, flavour) }
            let parts = ["SELECT \(keys), \(counts.joined(separator: ", ")) FROM \(RollupTable.name) WHERE unit_id IN (\(own))"]
                + (below.isEmpty ? [] : ["SELECT \(keys), \(counts.joined(separator: ", ")) FROM \(RollupTable.subtreeName) WHERE unit_id IN (\(below.joined(separator: ", ")))"])
            try await sql.raw("""
                INSERT INTO \(unsafeRaw: RollupTable.subtreeName) (\(unsafeRaw: (RollupTable.keyColumns + counts).joined(separator: ", ")))
                SELECT \(unsafeRaw: literal(unit, flavour)), \(unsafeRaw: keys), \(unsafeRaw: summed)
                FROM (\(unsafeRaw: parts.joined(separator: " UNION ALL "))) AS parts
                GROUP BY \(unsafeRaw: keys)
                """).run()
        }
    }

    /// Makes every subtree row of the organisation again in a transaction of
    /// its own, for loaders that write own rollups only (`BulkLoader`).
    public static func rebuildAll(organisationID: UUID, on database: any Database) async throws {
        try await database.writeTransaction { transaction in
            try await rebuild(organisationID: organisationID, units: nil, on: transaction.sql)
        }
    }

    /// The organisation's tree as this transaction sees it. Read for every
    /// group of answers stored, so by position: decoding a few thousand
    /// cells by name cost more than the rollup rows it serves.
    static func tree(of organisationID: UUID, on sql: any SQLDatabase) async throws -> OrgTree<UUID> {
        switch try sql.flavour {
        case .sqlite:
            let text = "SELECT id, parent_id FROM \(OrgUnit.schema) WHERE organisation_id = ?"
            let binds: [SQLiteData] = [.text(organisationID.uuidString)]
            guard let values = try await SQLiteWriterDatabase.rows(text, binds, on: sql) else {
                throw UnsupportedDatabaseError(found: String(describing: type(of: sql)))
            }
            return OrgTree(values.compactMap { columns -> (id: UUID, parent: UUID?)? in
                guard columns.count == 2, let id = columns[0].string.flatMap(UUID.init(uuidString:)) else { return nil }
                return (id: id, parent: columns[1].string.flatMap(UUID.init(uuidString:)))
            })
        case .postgres:
            var binds = PostgresBindings()
            binds.append(organisationID)
            let query = PostgresQuery(unsafeSQL: "SELECT id, parent_id FROM \(OrgUnit.schema) WHERE organisation_id = $1", binds: binds)
            guard let rows = try await PostgresRows.all(query, on: sql) else { throw UnsupportedDatabaseError(found: String(describing: type(of: sql))) }
            return OrgTree(try rows.map { row -> (id: UUID, parent: UUID?) in
                var cells = row.makeIterator()
                guard let id = cells.next(), let parent = cells.next() else { throw UnsupportedDatabaseError(found: "a unit row without two columns") }
                return (id: try id.readUUID(), parent: parent.bytes == nil ? nil : try parent.readUUID())
            })
        }
    }

    /// Waits for any other transaction that adds to or remakes this
    /// organisation's subtree rows, until this one ends (PostgreSQL).
    public static func lockTree(of organisationID: UUID, on sql: any SQLDatabase) async throws {
        guard try sql.flavour == .postgres else { return }
        try await sql.raw("SELECT pg_advisory_xact_lock(hashtext(\(bind: "kaiku.tree." + organisationID.uuidString)))").run()
    }

    /// Ids are Kaiku's own UUIDs, so they are safe in the statement text.
    private static func literal(_ id: UUID, _ flavour: SQLFlavour) -> String {
        switch flavour {
        case .sqlite: "'\(id.uuidString)'"
        case .postgres: "'\(id.uuidString)'::uuid"
        }
    }
}
