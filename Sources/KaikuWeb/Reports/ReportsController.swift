import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

struct ReportsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let reports = routes.grouped("api", "v1", "reports").grouped(BearerTokenAuthenticator())
        reports.get("summary", use: summary)
        reports.get("benchmark", use: benchmark)
    }

    func summary(_ request: Request) async throws -> SummaryDTO {
        let scope = try await request.requireScope()
        guard let organisation = try await request.staffOrganisation(scope.staff.organisationID) else {
            throw Abort(.forbidden)
        }
        let unit = try await scope.reportUnit(request.queryStrings["unit"], on: request.db)
        let period = try ReportPeriod(request, timeZone: organisation.timeZone)
        let (from, to) = (period.from, period.to)
        var grouping: SummaryQuery.Grouping?
        if let raw = request.queryStrings["groupBy"] {
            guard let parsed = SummaryQuery.Grouping(rawValue: raw) else {
                throw FieldError(field: "groupBy", message: "groupBy must be one of \(SummaryQuery.Grouping.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            grouping = parsed
        }
        // Statements by id across the organisation's survey versions: one dropped since shows where it has answers.
        let (history, statementIDs) = try await SurveyStore.reportSurveys(for: organisation, on: request.db)
        let report = try await SummaryQuery.run(
            organisation: organisation, root: unit, from: from, to: to, groupBy: grouping,
            statementOrder: history.reportStatementOrder, answeredOnly: history.droppedStatements,
            noAnswersAfter: SubmissionValidator.latestAnswerDay(now: request.kaiku.clock.now, timeZone: organisation.timeZone),
            shared: SummaryQuery.Shared(snapshot: scope.snapshot, statementIDs: statementIDs), on: request.db)
        return SummaryDTO(report: report, unit: unit.code, from: from, to: to, groupBy: grouping?.rawValue, minimumN: organisation.minimumN)
    }

    /// Organisation-level figures of every organisation that shares them, for an organisation that shares its own.
    func benchmark(_ request: Request) async throws -> BenchmarkDTO {
        let staff = try request.requireStaff()
        guard let organisation = try await Organisation.find(staff.organisationID, on: request.db) else { throw Abort(.forbidden) }
        let period = try ReportPeriod(request, timeZone: organisation.timeZone)
        let (from, to) = (period.from, period.to)
        let language = try request.apiLanguage()
        let survey = try await SurveyStore.current(for: organisation, on: request.db).definition()
        guard let entries = try await BenchmarkQuery.figures(viewer: organisation, from: from, to: to, statementOrder: survey.statements.map(\.id),
                                                                 now: request.kaiku.clock.now, on: request.db) else {
            throw Abort(.forbidden, reason: "Your organisation has not opted in to benchmarking; an administrator can turn it on in the organisation's settings.")
        }
        return BenchmarkDTO(from: from.description, to: to.description, organisations: entries.map { BenchmarkDTO.Entry($0, language: language) })
    }
}
