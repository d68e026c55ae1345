import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/f/{code}` and `/f/{code}/remote`: a target's feedback form, and its
/// post, which stores the answer and leads to the receipt, or shows the form
/// again with the first problem.
struct FormController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.form(.key).pathComponents, use: { try await form($0, channel: .web) })
        routes.post(SiteURL.form(.key).pathComponents, use: { try await submit($0, channel: .web) })
        // The link a unit gives customers of remote appointments: the same form, counted as channel "remote".
        routes.get(SiteURL.remoteForm(.key).pathComponents, use: { try await form($0, channel: .remote) })
        routes.post(SiteURL.remoteForm(.key).pathComponents, use: { try await submit($0, channel: .remote) })
    }

    func form(_ request: Request, channel: KaikuCore.Channel) async throws -> Response {
        let model = FormModel(target: try await target(request), channel: channel, formToken: UUID().uuidString)
        let context = request.pageContext.at(model.address).branded(try await request.brand(organisationID: model.target.organisationID))
        return .html(FormPage(context: context, model: model).render())
    }

    func submit(_ request: Request, channel: KaikuCore.Channel) async throws -> Response {
        let target = try await target(request)
        let form = (try? request.content.decode([String: String].self, as: .urlEncodedForm)) ?? [:]
        var context = request.pageContext.branded(try await request.brand(organisationID: target.organisationID))
        context.language = form["lang"].flatMap(Language.init(rawValue:)) ?? context.language
        let input = FormFields.input(from: form, language: context.language, channel: channel)
        let body = FormFields.fingerprint(form)
        let token = form["formToken"].flatMap { UUID(uuidString: $0) }
        do {
            let stored = try await CaseRateLimiter.limit(input, on: request) {
                do {
                    return try await SubmissionService.submit(
                        targetCode: target.targetCode, input: input, idempotencyKey: token.map { "form-\($0.uuidString)" },
                        fingerprint: body, requireRecommendation: true, on: request)
                } catch let error as FieldError where error.field == "Idempotency-Key" {
                    // The customer went back and changed their answers: that is a new answer.
                    return try await SubmissionService.submit(
                        targetCode: target.targetCode, input: input, idempotencyKey: nil,
                        fingerprint: body, requireRecommendation: true, on: request)
                }
            }
            return request.redirect(to: SiteURL.thanks(.value(stored.receipt)).url(language: context.language), redirectType: .normal)
        } catch let error as SubmissionError {
            let model = FormModel(target: target, channel: channel, values: form, error: error,
                                  formToken: token?.uuidString ?? UUID().uuidString)
            return .html(FormPage(context: context.at(model.address), model: model).render(), status: .badRequest)
        }
    }

    private func target(_ request: Request) async throws -> TargetContext {
        let code = request.parameters.get("code") ?? ""
        guard let target = try await FormQuery.target(code: code, on: request.db) else {
            // A closed target's form address may still be on a poster: say so rather than "not found".
            if try await FormQuery.isWithdrawn(code: code, on: request.db) {
                throw Abort(.gone, reason: "The feedback target \(code) no longer takes feedback.")
            }
            throw Abort(.notFound, reason: "No feedback target with code \(code).")
        }
        return target
    }
}
