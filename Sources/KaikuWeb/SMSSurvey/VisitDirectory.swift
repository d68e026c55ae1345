import Fluent
import Foundation
import KaikuCore
import KaikuStore

/// The units and feedback targets that visits name by code, looked up once
/// per code: an import of a day's visits names the same few units
/// thousands of times. One directory serves one organisation.
actor VisitDirectory {
    let organisationID: UUID
    private var units: [String: UUID?] = [:]
    private var targets: [String: UUID?] = [:]
    private var defaultTargets: [UUID: UUID?] = [:]
    private var closed: Set<UUID>?

    init(organisationID: UUID) {
        self.organisationID = organisationID
    }

    /// A closed unit's targets take no SMS survey answers either.
    private func closedUnits(on database: any Database) async throws -> Set<UUID> {
        if let closed { return closed }
        let found = try await Directory.closedUnitIDs(in: [organisationID], on: database)
        closed = found
        return found
    }

    func unit(code: String, on database: any Database) async throws -> UUID? {
        if let known = units[code] { return known }
        let id = try await OrgUnit.query(on: database).filter(\.$organisationID == organisationID).filter(\.$code == code).first()?.id
        units[code] = id
        return id
    }

    func target(code: String, on database: any Database) async throws -> UUID? {
        if let known = targets[code] { return known }
        let id = try await Target.query(on: database).filter(\.$organisationID == organisationID).filter(\.$code == code)
            .filter(\.$active == true).offered(closedUnits: try await closedUnits(on: database)).first()?.id
        targets[code] = id
        return id
    }

    /// Answers belong to a target: the unit's own, first by code, when the visit names none.
    func defaultTarget(of unitID: UUID, on database: any Database) async throws -> UUID? {
        if let known = defaultTargets[unitID] { return known }
        let id = try await Target.query(on: database).filter(\.$unitID == unitID).filter(\.$active == true)
            .offered(closedUnits: try await closedUnits(on: database)).sort(\.$code).first()?.id
        defaultTargets[unitID] = id
        return id
    }
}
