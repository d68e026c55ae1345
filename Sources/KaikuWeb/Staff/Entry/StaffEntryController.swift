import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/staff/entry`: paper forms and oral feedback typed in by staff, stored
/// through the same path as every other answer with channel "paper" or
/// "oral" and the time the feedback was given. Analysts only read figures,
/// so they do not enter answers.
struct StaffEntryController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.entry).pathComponents, use: page)
        routes.post(SiteURL.staff(.entry).pathComponents, use: save)
    }

    func page(_ request: Request) async throws -> Response {
        let (scope, organisation) = try await access(request)
        let values = EntryModel.startingValues({ [query = request.queryStrings] in query[$0] },
                                               today: CalendarDay(date: request.kaiku.clock.now, timeZone: organisation.timeZone))
        let saved = request.queryStrings["saved"].flatMap(ReceiptCode.normalise)
        return try await render(request, scope: scope, organisation: organisation, values: values, saved: saved)
    }

    func save(_ request: Request) async throws -> Response {
        let (scope, organisation) = try await access(request)
        let values = ((try? request.content.decode([String: String].self, as: .urlEncodedForm)) ?? [:]).filter { $0.key != StaffSession.csrfField }
        let form = EntryForm(values: values)
        func refuse(_ field: String, _ message: String) async throws -> Response {
            try await render(request, scope: scope, organisation: organisation, values: values,
                             error: EntryModel.FieldProblem(field: field, message: message), status: .badRequest)
        }
        guard PlainIdentifier.isPlain(form.target, maxLength: 100),
              let target = try await Target.query(on: request.db).filter(\.$code == form.target).filter(\.$active == true).first(),
              target.organisationID == organisation.id, scope.canSee(unit: target.unitID),
              !scope.closedForCustomers.contains(target.unitID) else {
            return try await refuse("target", request.kaiku.catalogue.text("staff.entry.error.target", request.pageLanguage))
        }
        guard let channel = form.channel else {
            return try await refuse("channel-paper", request.kaiku.catalogue.text("staff.entry.error.channel", request.pageLanguage))
        }
        do {
            let givenAt = try form.givenAt(in: organisation.timeZone, now: request.kaiku.clock.now)
            let body = FormFields.fingerprint(values)
            let stored = try await SubmissionService.submit(
                targetCode: target.code, input: form.input(channel: channel, answeredAt: givenAt),
                idempotencyKey: values["formToken"].flatMap(UUID.init(uuidString:)).map { "entry-\($0.uuidString)" },
                fingerprint: body, requireRecommendation: false, on: request)
            let next = EntryModel.savedURL(receipt: stored.receipt, target: target.code, channel: channel, language: form.language,
                                           date: values["date"] ?? "")
            return request.redirect(to: next, redirectType: .normal)
        } catch let problem as EntryForm.Problem {
            return try await refuse(problem.field, request.kaiku.catalogue.text(problem.key, request.pageLanguage))
        } catch let error as SubmissionError {
            return try await refuse(error.field, request.kaiku.catalogue.message(for: error, in: request.pageLanguage))
        }
    }

    private func access(_ request: Request) async throws -> (StaffScope, Organisation) {
        let scope = try await request.requireScope()
        guard scope.staff.role != .analyst else {
            throw Abort(.forbidden, reason: request.kaiku.catalogue.text("staff.entry.error.role", request.pageLanguage))
        }
        guard let organisation = try await Organisation.find(scope.staff.organisationID, on: request.db) else { throw Abort(.forbidden) }
        return (scope, organisation)
    }

    private func render(_ request: Request, scope: StaffScope, organisation: Organisation, values: [String: String], saved: String? = nil,
                        error: EntryModel.FieldProblem? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let context = request.pageContext
        let model = try await EntryQuery.load(values: values, saved: saved, error: error, scope: scope, organisation: organisation,
                                              context: context, on: request.db)
        return .html(EntryPage(context: context, model: model).render(), status: status)
    }
}
