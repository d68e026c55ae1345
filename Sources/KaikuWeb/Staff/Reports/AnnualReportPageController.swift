import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/staff/reports/annual`: choose a unit and a year (a plain GET form) and
/// open the annual report as HTML or PDF at `/staff/reports/annual.html` and
/// `.pdf` with the same query. Every staff role may read the report of its
/// own units; a unit outside them is not found, as on the dashboard.
struct AnnualReportPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.annualReport).pathComponents, use: page)
        for format in AnnualReportFormat.allCases {
            routes.get(SiteURL.staff(.annualReportDocument(format)).pathComponents) { request in
                try await document(request, format: format)
            }
        }
    }

    func page(_ request: Request) async throws -> Response {
        let scope = try await request.requireScope()
        let context = request.pageContext
        guard let organisation = try await Organisation.find(scope.staff.organisationID, on: request.db) else { throw Abort(.forbidden) }
        let unit = try AnnualReportPageModel.unit(request.queryStrings["unit"], scope: scope)
        let now = request.kaiku.clock.now
        let years = AnnualReportLoader.years(now: now, timeZone: organisation.timeZone)
        var model = AnnualReportPageModel(unit: unit.code, unitOptions: scope.unitOptions(under: scope.staff.unitID, language: context.language),
                                          years: years, language: context.language)
        do {
            model.year = try AnnualReportLoader.year(request.queryStrings["year"], now: now, timeZone: organisation.timeZone)
        } catch let error as FieldError {
            model.yearError = error.message
        }
        return .html(AnnualReportPage(context: context, model: model).render(), status: model.yearError == nil ? .ok : .badRequest)
    }

    func document(_ request: Request, format: AnnualReportFormat) async throws -> Response {
        let scope = try await request.requireScope()
        guard let organisation = try await Organisation.find(scope.staff.organisationID, on: request.db) else { throw Abort(.forbidden) }
        let unit = try AnnualReportPageModel.unit(request.queryStrings["unit"], scope: scope)
        let now = request.kaiku.clock.now
        let year = try AnnualReportLoader.year(request.queryStrings["year"], now: now, timeZone: organisation.timeZone)
        let context = request.pageContext
        let model = try await AnnualReportLoader.load(organisation: organisation, unit: unit, units: Array(scope.units.values), year: year,
                                                      language: context.language, catalogue: context.catalogue, now: now, on: request.db)
        return try await AnnualReportResponse.make(AnnualReportDocument(model: model, catalogue: context.catalogue), format: format, request: request)
    }
}
