import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

struct ReportsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped("api", "v1", "reports").grouped(BearerTokenAuthenticator()).get("summary", use: summary)
    }

    func summary(_ request: Request) async throws -> SummaryDTO {
        let scope = try await request.requireScope()
        guard let organisation = try await Organisation.find(scope.staff.organisationID, on: request.db) else {
            throw Abort(.forbidden)
        }
        let unit = try await scope.reportUnit(request.query[String.self, at: "unit"], on: request.db)
        let period = try ReportPeriod(request, timeZone: organisation.timeZone)
        let (from, to) = (period.from, period.to)
        var grouping: SummaryQuery.Grouping?
        if let raw = request.query[String.self, at: "groupBy"] {
            guard let parsed = SummaryQuery.Grouping(rawValue: raw) else {
                throw FieldError(field: "groupBy", message: "groupBy must be one of unit, channel, language, month.")
            }
            grouping = parsed
        }
        let survey = try await SurveyStore.current(for: organisation, on: request.db).definition()
        let report = try await SummaryQuery.run(
            organisation: organisation, root: unit, from: from, to: to, groupBy: grouping,
            statementOrder: survey.statements.map(\.id), units: Array(scope.units.values), on: request.db)
        return SummaryDTO(report: report, unit: unit.code, from: from, to: to, groupBy: grouping?.rawValue, minimumN: organisation.minimumN)
    }
}
