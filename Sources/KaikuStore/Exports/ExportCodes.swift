import FluentKit
import Foundation
import KaikuCore

/// What turns stored ids into export values: unit and target codes, and
/// which statement columns each survey's values go to.
public struct ExportCodes: Sendable {
    /// Keyed by the id as upper-case text, as SQLite returns it.
    public var units: [String: String]
    public var targets: [String: String]
    public var statements: StatementColumns

    /// The same, keyed by the id itself, for databases that return UUIDs.
    private let unitsByID: [UUID: String]
    private let targetsByID: [UUID: String]

    public init(units: [String: String], targets: [String: String], statements: StatementColumns) {
        self.units = units
        self.targets = targets
        self.statements = statements
        unitsByID = Dictionary(units.compactMap { key, code in UUID(uuidString: key).map { ($0, code) } }, uniquingKeysWith: { first, _ in first })
        targetsByID = Dictionary(targets.compactMap { key, code in UUID(uuidString: key).map { ($0, code) } }, uniquingKeysWith: { first, _ in first })
    }

    /// The organisation's codes. `answers` exports have a column for every
    /// statement of the surveys its answers can have (the current survey's
    /// order first); `national` ones only the national core's statements.
    public static func load(kind: ExportLayout.Kind, organisation: Organisation, on database: any Database) async throws -> ExportCodes {
        let organisationID = try organisation.requireID()
        let units = try await OrgUnit.query(on: database).filter(\.$organisationID == organisationID).all()
        let targets = try await Target.query(on: database).filter(\.$organisationID == organisationID).all()
        let surveys = try await Survey.query(on: database).group(.or) { group in
            group.filter(\.$organisationID == nil).filter(\.$organisationID == organisationID)
        }.sort(\.$version, .descending).all()
        var lists: [(key: String, statementIDs: [String])] = []
        for survey in surveys {
            lists.append((try survey.requireID().uuidString, try survey.definition().statements.map(\.id)))
        }
        // The current survey's order first: its statements are the ones people read most.
        var ordered = lists
        if let current = surveys.firstIndex(where: { $0.id == organisation.surveyID }) {
            ordered.insert(ordered.remove(at: current), at: 0)
        }
        let columns: [String]
        switch kind {
        case .answers:
            columns = StatementColumns.union(ordered.map(\.statementIDs))
        case .national:
            columns = StatementColumns.union(zip(surveys, lists).filter { $0.0.organisationID == nil }.map { $0.1.statementIDs })
        }
        return ExportCodes(
            units: Dictionary(units.compactMap { unit in unit.id.map { ($0.uuidString, unit.code) } }, uniquingKeysWith: { first, _ in first }),
            targets: Dictionary(targets.compactMap { target in target.id.map { ($0.uuidString, target.code) } }, uniquingKeysWith: { first, _ in first }),
            statements: StatementColumns(columns: columns, surveys: lists))
    }

    func unit(_ id: String) -> String { units[id] ?? units[id.uppercased()] ?? "" }
    func target(_ id: String) -> String { targets[id] ?? targets[id.uppercased()] ?? "" }
    func unit(_ id: UUID) -> String { unitsByID[id] ?? "" }
    func target(_ id: UUID) -> String { targetsByID[id] ?? "" }
}
