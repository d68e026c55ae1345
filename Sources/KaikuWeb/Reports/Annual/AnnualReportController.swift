import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `GET /api/v1/reports/annual?year=&unit=&format=html|pdf`: the annual
/// customer report of a unit's subtree (the caller's own unit by default,
/// last year by default), with the summary API's scope rules — another
/// organisation's or an unknown unit is 404, one outside the caller's subtree 403.
struct AnnualReportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped("api", "v1", "reports").grouped(BearerTokenAuthenticator()).get("annual", use: annual)
    }

    func annual(_ request: Request) async throws -> Response {
        let scope = try await request.requireScope()
        guard let organisation = try await Organisation.find(scope.staff.organisationID, on: request.db) else { throw Abort(.forbidden) }
        let now = request.kaiku.clock.now
        let year = try AnnualReportLoader.year(request.queryStrings["year"], now: now, timeZone: organisation.timeZone)
        let format = try AnnualReportFormat.parse(request.queryStrings["format"])
        let language = try request.apiLanguage()
        let code = request.queryStrings["unit"].flatMap { $0.isEmpty ? nil : $0 }
        if let code, !PlainIdentifier.isPlain(code) {
            throw FieldError(field: "unit", message: "unit must be a unit code of at most 254 characters without control characters.")
        }
        let unit = try await scope.reportUnit(code, on: request.db)
        let catalogue = request.kaiku.catalogue
        let model = try await AnnualReportLoader.load(organisation: organisation, unit: unit, units: Array(scope.units.values), year: year,
                                                      language: language, catalogue: catalogue, now: now, on: request.db)
        return try await AnnualReportResponse.make(AnnualReportDocument(model: model, catalogue: catalogue), format: format, request: request)
    }
}
