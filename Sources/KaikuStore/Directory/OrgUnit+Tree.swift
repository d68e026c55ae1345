import FluentKit
import Foundation
import SQLKit

extension OrgUnit {
    /// Every unit of an organisation, read with plain SQL. Almost every staff
    /// request needs the whole tree, and Fluent's reflective decoding of a few
    /// hundred models took a quarter of a report's time; the models built
    /// here are for reading only.
    public static func all(in organisationID: UUID, on database: any Database) async throws -> [OrgUnit] {
        let rows = try await database.sql.select()
            .columns("id", "code", "parent_id", "name_fi", "name_sv", "name_en", "register_oid", "closed")
            .from(schema)
            .where("organisation_id", .equal, SQLBind(organisationID))
            .all()
        return try rows.map { row in
            let unit = OrgUnit(
                id: try row.decode(column: "id", as: UUID.self), organisationID: organisationID,
                code: try row.decode(column: "code", as: String.self), parentID: try row.decode(column: "parent_id", as: UUID?.self),
                name: .init(fi: try row.decode(column: "name_fi", as: String.self), sv: try row.decode(column: "name_sv", as: String.self),
                            en: try row.decode(column: "name_en", as: String.self)))
            unit.oid = try row.decode(column: "register_oid", as: String?.self)
            unit.closed = try row.decode(column: "closed", as: Bool.self)
            unit.$id.exists = true
            return unit
        }
    }
}
