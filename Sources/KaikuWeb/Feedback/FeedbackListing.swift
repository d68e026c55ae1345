import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// What the feed's API and page need around one query: the checked filter,
/// the organisation's zone and publishing setting, and the codes of the
/// rows' targets and units.
struct FeedbackListing: Sendable {
    var filters: FeedbackFilters
    var filter: FeedbackFeed.Filter
    var timeZone: TimeZone
    var publishing: OpenTextPublishing
    var unitCodes: [UUID: String]
    /// The scope in a file name: the filtered unit's code, or the staff member's own unit's.
    var fileCode: String

    static func prepare(_ request: Request, scope: StaffScope) async throws -> FeedbackListing {
        let filters = FeedbackFilters { [query = request.queryStrings] in query[$0] }
        return try await prepare(filters, scope: scope, on: request.db)
    }

    static func prepare(_ filters: FeedbackFilters, scope: StaffScope, on database: any Database) async throws -> FeedbackListing {
        guard let organisation = try await Organisation.find(scope.staff.organisationID, on: database) else { throw Abort(.forbidden) }
        let themes = try await ThemeCatalogue.codes(organisationID: scope.staff.organisationID, on: database)
        let filter = try await filters.resolve(scope: scope, themeCodes: themes, timeZone: organisation.timeZone, on: database)
        let code = filters.values["unit"] ?? scope.units[scope.staff.unitID]?.code ?? organisation.code
        return FeedbackListing(filters: filters, filter: filter, timeZone: organisation.timeZone, publishing: organisation.openTextPublishing,
                               unitCodes: scope.units.compactMapValues { $0.code },
                               fileCode: String(code.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-" || $0 == "_") }.map(Character.init)))
    }

    /// The rows as the API gives them.
    func items(_ rows: [FeedbackFeed.Row], on database: any Database) async throws -> [FeedbackItemDTO] {
        let targets = try await Self.targets(of: rows, on: database)
        return rows.map { row in
            FeedbackItemDTO(row, target: targets[row.targetID]?.code ?? "", unit: unitCodes[row.unitID] ?? "", publishing: publishing)
        }
    }

    static func targets(of rows: [FeedbackFeed.Row], on database: any Database) async throws -> [UUID: Target] {
        guard !rows.isEmpty else { return [:] }
        let targets = try await Target.query(on: database).filter(\.$id ~~ Set(rows.map(\.targetID))).all()
        return Dictionary(targets.compactMap { target in target.id.map { ($0, target) } }, uniquingKeysWith: { first, _ in first })
    }
}
