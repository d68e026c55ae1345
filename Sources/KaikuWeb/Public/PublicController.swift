import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// The pages residents use: find a target, answer, get a receipt, follow it.
struct PublicController: RouteCollection {
    let stylesheet: Data

    init() throws {
        stylesheet = try ResourceFile.data("Public/styles.css")
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: landing)
        routes.get("styles.css") { _ in
            Response(status: .ok, headers: ["Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=3600"], body: .init(data: stylesheet))
        }
        routes.get("f", ":code", use: { try await form($0, channel: .web) })
        routes.post("f", ":code", use: { try await submit($0, channel: .web) })
        // The link a unit gives customers of remote appointments: the same form, counted as channel "remote".
        routes.get("f", ":code", "remote", use: { try await form($0, channel: .remote) })
        routes.post("f", ":code", "remote", use: { try await submit($0, channel: .remote) })
        routes.get("thanks", ":receipt", use: thanks)
        routes.get("status", ":receipt", use: status)
        try routes.register(collection: ShortLinkController())
    }

    func landing(_ request: Request) async throws -> Response {
        let entries = try await Directory.activeTargets(on: request.db).map { LandingPage.Entry(code: $0.0.code, name: $0.0.name) }
        let query = String((request.query[String.self, at: "q"] ?? "").prefix(100))
        let page = LandingPage(entries: entries, query: query, language: request.pageLanguage, catalogue: request.kaiku.catalogue)
        return .html(page.render())
    }

    func form(_ request: Request, channel: KaikuCore.Channel) async throws -> Response {
        let context = try await targetContext(request)
        let page = FormPage(context: context, language: request.pageLanguage, catalogue: request.kaiku.catalogue, formToken: UUID().uuidString,
                            channel: channel)
        return .html(page.render())
    }

    func submit(_ request: Request, channel: KaikuCore.Channel) async throws -> Response {
        let context = try await targetContext(request)
        let form = (try? request.content.decode([String: String].self, as: .urlEncodedForm)) ?? [:]
        let language = form["lang"].flatMap(Language.init(rawValue:)) ?? request.pageLanguage
        let input = FormFields.input(from: form, language: language, channel: channel)
        let body = FormFields.fingerprint(form)
        let token = form["formToken"].flatMap { UUID(uuidString: $0) }
        do {
            let stored = try await CaseRateLimiter.limit(input, on: request) {
                do {
                    return try await SubmissionService.submit(
                        targetCode: context.targetCode, input: input, idempotencyKey: token.map { "form-\($0.uuidString)" },
                        fingerprint: body, requireRecommendation: true, on: request)
                } catch let error as FieldError where error.field == "Idempotency-Key" {
                    // The customer went back and changed their answers: that is a new answer.
                    return try await SubmissionService.submit(
                        targetCode: context.targetCode, input: input, idempotencyKey: nil,
                        fingerprint: body, requireRecommendation: true, on: request)
                }
            }
            return request.redirect(to: "/thanks/\(stored.receipt)?lang=\(language.rawValue)", redirectType: .normal)
        } catch let error as SubmissionError {
            let page = FormPage(context: context, language: language, catalogue: request.kaiku.catalogue,
                                values: form, error: error, formToken: token?.uuidString ?? UUID().uuidString, channel: channel)
            return .html(page.render(), status: .badRequest)
        }
    }

    func thanks(_ request: Request) async throws -> Response {
        let (response, organisation) = try await responseByReceipt(request)
        guard let response, let organisation else { throw Abort(.notFound) }
        let page = ThanksPage(receipt: response.receipt, wantsAnswer: response.wantsAnswer, promiseDays: organisation.promiseDays,
                              targetName: nil, language: request.pageLanguage, catalogue: request.kaiku.catalogue)
        return .html(page.render())
    }

    func status(_ request: Request) async throws -> Response {
        let (response, organisation) = try await responseByReceipt(request)
        var feedbackCase: FeedbackCase?
        if let id = response?.id {
            feedbackCase = try await FeedbackCase.query(on: request.db).filter(\.$responseID == id).first()
        }
        let page = StatusPage(
            receipt: response?.receipt ?? (request.parameters.get("receipt") ?? ""),
            receivedDay: response.flatMap { r in organisation.map { CalendarDay(date: r.receivedAt, timeZone: $0.timeZone) } },
            wantsAnswer: response?.wantsAnswer ?? false,
            caseStatus: feedbackCase?.statusValue,
            dueDay: feedbackCase.flatMap { c in organisation.map { CalendarDay(date: c.dueAt, timeZone: $0.timeZone) } },
            language: request.pageLanguage, catalogue: request.kaiku.catalogue)
        return .html(page.render(), status: response == nil ? .notFound : .ok)
    }

    private func targetContext(_ request: Request) async throws -> TargetContext {
        let code = request.parameters.get("code") ?? ""
        guard PlainIdentifier.isPlain(code, maxLength: 100), let context = try await Directory.context(forTarget: code, on: request.db) else {
            throw Abort(.notFound, reason: "No feedback target with code \(code).")
        }
        return context
    }

    private func responseByReceipt(_ request: Request) async throws -> (FeedbackResponse?, Organisation?) {
        guard let receipt = request.parameters.get("receipt").flatMap(ReceiptCode.normalise),
              let response = try await FeedbackResponse.query(on: request.db).filter(\.$receipt == receipt).first() else {
            return (nil, nil)
        }
        return (response, try await Organisation.find(response.organisationID, on: request.db))
    }
}
