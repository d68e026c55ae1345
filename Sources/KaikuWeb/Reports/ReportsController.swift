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
        guard let organisation = try await Organisation.find(scope.staff.organisationID, on: request.db) else {
            throw Abort(.forbidden)
        }
        let unit = try await resolveUnit(request.query[String.self, at: "unit"], scope: scope, on: request.db)
        let (from, to) = try period(request, organisation)
        var grouping: SummaryQuery.Grouping?
        if let raw = request.query[String.self, at: "groupBy"] {
            guard let parsed = SummaryQuery.Grouping(rawValue: raw) else {
                throw FieldError(field: "groupBy", message: "groupBy must be one of \(SummaryQuery.Grouping.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            grouping = parsed
        }
        let survey = try await SurveyStore.current(for: organisation, on: request.db).definition()
        let report = try await SummaryQuery.run(
            organisation: organisation, root: unit, from: from, to: to, groupBy: grouping,
            statementOrder: survey.statements.map(\.id), units: Array(scope.units.values),
            noAnswersAfter: SubmissionValidator.latestAnswerDay(now: request.kaiku.clock.now, timeZone: organisation.timeZone), on: request.db)
        return SummaryDTO(report: report, unit: unit.code, from: from, to: to, groupBy: grouping?.rawValue, minimumN: organisation.minimumN)
    }

    /// Organisation-level figures of every organisation that shares them, for an organisation that shares its own.
    func benchmark(_ request: Request) async throws -> BenchmarkDTO {
        let staff = try request.requireStaff()
        guard let organisation = try await Organisation.find(staff.organisationID, on: request.db) else { throw Abort(.forbidden) }
        let (from, to) = try period(request, organisation)
        let language = try request.apiLanguage()
        let survey = try await SurveyStore.current(for: organisation, on: request.db).definition()
        guard let entries = try await BenchmarkQuery.figures(viewer: organisation, from: from, to: to, statementOrder: survey.statements.map(\.id),
                                                                 now: request.kaiku.clock.now, on: request.db) else {
            throw Abort(.forbidden, reason: "Your organisation has not opted in to benchmarking; an administrator can turn it on in the organisation's settings.")
        }
        return BenchmarkDTO(from: from.description, to: to.description, organisations: entries.map { BenchmarkDTO.Entry($0, language: language) })
    }

    /// `from` and `to`, inclusive; the year up to today when left out.
    private func period(_ request: Request, _ organisation: Organisation) throws -> (CalendarDay, CalendarDay) {
        let today = CalendarDay(date: request.kaiku.clock.now, timeZone: organisation.timeZone)
        let to = try day(request, "to") ?? today
        let from = try day(request, "from") ?? CalendarDay(date: to.start(in: organisation.timeZone).addingTimeInterval(-364 * 86_400), timeZone: organisation.timeZone)
        guard from <= to else { throw FieldError(field: "from", message: "from must not be after to.") }
        return (from, to)
    }

    /// The unit asked for, or the caller's own. Another organisation's unit is
    /// 403 (it exists, but is not theirs to see), an unknown code 404.
    private func resolveUnit(_ code: String?, scope: StaffScope, on database: any Database) async throws -> OrgUnit {
        guard let code else { return scope.units[scope.staff.unitID]! }
        if let unit = scope.unit(code: code) {
            guard scope.canSee(unit: unit.id!) else {
                throw FieldError(status: .forbidden, field: "unit", message: "Unit \(code) is outside your part of the organisation.")
            }
            return unit
        }
        if PlainIdentifier.isPlain(code), try await OrgUnit.query(on: database).filter(\.$code == code).first() != nil {
            throw FieldError(status: .forbidden, field: "unit", message: "Unit \(code) belongs to another organisation.")
        }
        throw FieldError(status: .notFound, field: "unit", message: "No unit with code \(code).")
    }

    private func day(_ request: Request, _ name: String) throws -> CalendarDay? {
        guard let raw = request.query[String.self, at: name] else { return nil }
        guard let day = CalendarDay(iso: raw) else {
            throw FieldError(field: name, message: "\(name) must be a date as YYYY-MM-DD.")
        }
        return day
    }
}
