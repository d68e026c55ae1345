import Fluent
import KaikuStore
import Vapor

extension StaffScope {
    /// The unit a report or export asks for, or the caller's own. A unit of
    /// the caller's organisation outside their subtree is 403; another
    /// organisation's unit is answered exactly like an unknown code (404), so
    /// that the answer does not tell which codes other organisations use.
    func reportUnit(_ code: String?, on database: any Database) async throws -> OrgUnit {
        guard let code else { return units[staff.unitID]! }
        guard let unit = unit(code: code) else {
            throw FieldError(status: .notFound, field: "unit", message: "No unit with code \(code) in your organisation.")
        }
        guard canSee(unit: unit.id!) else {
            throw FieldError(status: .forbidden, field: "unit", message: "Unit \(code) is outside your part of the organisation.")
        }
        return unit
    }
}
