import Fluent
import KaikuStore
import Vapor

extension StaffScope {
    /// The unit a report or export asks for, or the caller's own. Another
    /// organisation's unit is 403 (it exists, but is not theirs to see), an
    /// unknown code 404.
    func reportUnit(_ code: String?, on database: any Database) async throws -> OrgUnit {
        guard let code else { return units[staff.unitID]! }
        if let unit = unit(code: code) {
            guard canSee(unit: unit.id!) else {
                throw FieldError(status: .forbidden, field: "unit", message: "Unit \(code) is outside your part of the organisation.")
            }
            return unit
        }
        if PlainIdentifier.isPlain(code), try await OrgUnit.query(on: database).filter(\.$code == code).first() != nil {
            throw FieldError(status: .forbidden, field: "unit", message: "Unit \(code) belongs to another organisation.")
        }
        throw FieldError(status: .notFound, field: "unit", message: "No unit with code \(code).")
    }
}
