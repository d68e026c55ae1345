import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// The annual report's staff page: the unit and year chosen, the choices,
/// and the report's addresses for them.
struct AnnualReportPageModel {
    var unit: String
    var unitOptions: [UnitOption]
    var years: ClosedRange<Int>
    var language: Language
    /// Nil until a valid year is chosen (last year by default).
    var year: Int?
    var yearError: String?

    /// The years offered, newest first; the oldest ones are only reachable by address.
    var yearOptions: [Int] { Array(years.reversed().prefix(10)) }

    func link(_ format: AnnualReportFormat) -> String? {
        year.map { SiteURL.staff(.annualReportDocument(format)).url(language: language, [("unit", unit), ("year", String($0))]) }
    }

    /// The unit asked for, or the signer's own; a unit outside their part of the tree is not found.
    static func unit(_ code: String?, scope: StaffScope) throws -> OrgUnit {
        guard let code, !code.isEmpty else {
            guard let own = scope.units[scope.staff.unitID] else { throw Abort(.forbidden) }
            return own
        }
        guard PlainIdentifier.isPlain(code), let unit = scope.unit(code: code), let unitID = unit.id, scope.canSee(unit: unitID) else {
            throw Abort(.notFound, reason: "No unit with code \(code) in your units.")
        }
        return unit
    }
}
