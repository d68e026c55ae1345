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
        routes.get("entry", use: page)
        routes.post("entry", use: save)
    }

    func page(_ request: Request) async throws -> Response {
        let (scope, organisation) = try await context(request)
        let remembered = ["target", "channel", "language", "date", "time"]
        var values = Dictionary(uniqueKeysWithValues: remembered.compactMap { name in request.query[String.self, at: name].map { (name, $0) } })
        values["date"] = values["date"] ?? CalendarDay(date: request.kaiku.clock.now, timeZone: organisation.timeZone).description
        values["channel"] = values["channel"] ?? KaikuCore.Channel.paper.rawValue
        let saved = request.query[String.self, at: "saved"].flatMap(ReceiptCode.normalise)
        return try await render(request, scope: scope, organisation: organisation, values: values, saved: saved)
    }

    func save(_ request: Request) async throws -> Response {
        let (scope, organisation) = try await context(request)
        let values = ((try? request.content.decode([String: String].self, as: .urlEncodedForm)) ?? [:]).filter { $0.key != StaffSession.csrfField }
        let form = EntryForm(values: values)
        func refuse(_ field: String, _ message: String) async throws -> Response {
            try await render(request, scope: scope, organisation: organisation, values: values, error: (field, message), status: .badRequest)
        }
        guard PlainIdentifier.isPlain(form.target, maxLength: 100),
              let target = try await Target.query(on: request.db).filter(\.$code == form.target).filter(\.$active == true).first(),
              target.organisationID == organisation.id, scope.canSee(unit: target.unitID) else {
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
            var next = URLComponents()
            next.path = "/staff/entry"
            next.queryItems = [("saved", stored.receipt), ("target", target.code), ("channel", channel.rawValue),
                               ("language", form.language.rawValue), ("date", values["date"] ?? "")].map { URLQueryItem(name: $0.0, value: $0.1) }
            return request.redirect(to: next.string ?? "/staff/entry", redirectType: .normal)
        } catch let problem as EntryForm.Problem {
            return try await refuse(problem.field, request.kaiku.catalogue.text(problem.key, request.pageLanguage))
        } catch let error as SubmissionError {
            return try await refuse(error.field, request.kaiku.catalogue.message(for: error, in: request.pageLanguage))
        }
    }

    private func context(_ request: Request) async throws -> (StaffScope, Organisation) {
        let scope = try await request.requireScope()
        guard scope.staff.role != .analyst else {
            throw Abort(.forbidden, reason: request.kaiku.catalogue.text("staff.entry.error.role", request.pageLanguage))
        }
        guard let organisation = try await Organisation.find(scope.staff.organisationID, on: request.db) else { throw Abort(.forbidden) }
        return (scope, organisation)
    }

    private func render(_ request: Request, scope: StaffScope, organisation: Organisation, values: [String: String], saved: String? = nil,
                        error: (field: String, message: String)? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let language = request.pageLanguage
        let targets = try await Target.query(on: request.db).filter(\.$organisationID == scope.staff.organisationID)
            .filter(\.$unitID ~~ scope.visible).filter(\.$active == true).all()
            .map { EntryPage.Target(code: $0.code, name: $0.name[language]) }
            .sorted { $0.name.localizedCompare($1.name) == .orderedAscending }
        let survey = try await SurveyStore.current(for: organisation, on: request.db).definition()
        let page = EntryPage(language: language, catalogue: request.kaiku.catalogue, session: try request.auth.require(SessionToken.self),
                             targets: targets, survey: survey, values: values, formToken: UUID().uuidString, saved: saved, error: error)
        return .html(page.render(), status: status)
    }
}
