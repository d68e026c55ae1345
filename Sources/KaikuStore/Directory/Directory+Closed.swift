import FluentKit
import Foundation
import KaikuCore
import SQLKit

extension Directory {
    /// The units closed for customers — closed themselves or under a closed
    /// unit — of the given organisations (all when nil). Their targets are
    /// offered nowhere and refuse answers; their answers and cases stay in
    /// reports. Nearly always no unit is closed, and one small query says so.
    public static func closedUnitIDs(in organisationIDs: Set<UUID>? = nil, on database: any Database) async throws -> Set<UUID> {
        var closedQuery = try database.sql.select().column("id").column("organisation_id").from(OrgUnit.schema)
            .where("closed", .equal, SQLBind(true))
        if let organisationIDs { closedQuery = closedQuery.where("organisation_id", .in, SQLBind.group(Array(organisationIDs))) }
        let closedRows = try await closedQuery.all()
        guard !closedRows.isEmpty else { return [] }
        var result: Set<UUID> = []
        var byOrganisation: [UUID: Set<UUID>] = [:]
        for row in closedRows {
            byOrganisation[try row.decode(column: "organisation_id", as: UUID.self), default: []]
                .insert(try row.decode(column: "id", as: UUID.self))
        }
        for (organisationID, closed) in byOrganisation {
            let units = try await OrgUnit.all(in: organisationID, on: database)
            let tree = OrgTree(units.compactMap { unit in unit.id.map { (id: $0, parent: unit.parentID) } })
            result.formUnion(tree.effectivelyClosed(closed))
        }
        return result
    }

    /// Whether customers may give feedback on `target` now.
    public static func isOffered(_ target: Target, on database: any Database) async throws -> Bool {
        guard target.active else { return false }
        return try await !closedUnitIDs(in: [target.organisationID], on: database).contains(target.unitID)
    }
}

extension QueryBuilder where Model == Target {
    /// Leaves out the targets of `closedUnits` (from `Directory.closedUnitIDs`).
    public func offered(closedUnits: Set<UUID>) -> Self {
        closedUnits.isEmpty ? self : filter(\.$unitID !~ Array(closedUnits))
    }
}
