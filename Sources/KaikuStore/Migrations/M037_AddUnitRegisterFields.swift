import FluentKit

/// The org tree comes from the county's own register: a unit carries the
/// register's OID (the national SOTE organisation register) and may be
/// closed, which takes it out of every customer-facing list while its
/// answers and cases stay in reports and history. (The column is
/// `register_oid`: SQLite reserves `oid` as an alias of the row id.)
struct M037_AddUnitRegisterFields: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // SQLite adds one column per ALTER TABLE.
        try await database.schema(OrgUnit.schema).field("register_oid", .string).update()
        try await database.schema(OrgUnit.schema).field("closed", .bool, .required, .sql(.default(false))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OrgUnit.schema).deleteField("closed").update()
        try await database.schema(OrgUnit.schema).deleteField("register_oid").update()
    }
}
