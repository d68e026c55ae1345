import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/setup/{token}`: the one-time first-start page that creates the
/// organisation and its first administrator; `/setup/done` after it.
/// Public: the token in the address is what lets a person in, so the page
/// is never cached and a used or unknown token gets the same 404.
struct SetupController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.setupDone.pathComponents, use: done)
        routes.get(SiteURL.setup(.key).pathComponents, use: form)
        routes.post(SiteURL.setup(.key).pathComponents, use: submit)
    }

    func form(_ request: Request) async throws -> Response {
        let token = request.parameters.get("token") ?? ""
        guard try await SetupTokens.isValid(token, on: request.db) else { return unavailable(request.pageContext) }
        let model = SetupModel.blank(token: token)
        return page(SetupPage(context: request.pageContext.at(model.address), model: model).render(), status: .ok)
    }

    func submit(_ request: Request) async throws -> Response {
        let token = request.parameters.get("token") ?? ""
        let values = (try? request.content.decode([String: String].self, as: .urlEncodedForm)) ?? [:]
        var context = request.pageContext
        context.language = values["lang"].flatMap(Language.init(rawValue:)) ?? context.language
        guard try await SetupTokens.isValid(token, on: request.db) else { return unavailable(context) }
        let form = SetupForm(values: values.filter { SetupField(rawValue: $0.key) != nil })
        var model = SetupModel(token: token, form: form, problems: form.problems)
        if model.problems.isEmpty {
            let hash = try await request.password.async.hash(form.adminPassword)
            switch try await SetupCompletion.complete(token: token, form: form, passwordHash: hash, national: request.kaiku.nationalSurvey,
                                                      at: request.kaiku.clock.now, on: request.db) {
            case .created(let organisation):
                request.logger.notice("First-start setup created the organisation \(organisation.code) and its administrator \(form.adminEmail)")
                return request.redirect(to: SiteURL.setupDone.url(language: context.language), redirectType: .normal)
            case .unavailable:
                return unavailable(context)
            case .refused(let problems):
                model.problems = problems
            }
        }
        return page(SetupPage(context: context.at(model.address), model: model).render(), status: .badRequest)
    }

    func done(_ request: Request) async throws -> Response {
        page(SetupDonePage(context: request.pageContext).render(), status: .ok)
    }

    private func unavailable(_ context: PageContext) -> Response {
        page(SetupUnavailablePage(context: context).render(), status: .notFound)
    }

    /// The token is in the address: no copy of the page is kept anywhere.
    private func page(_ html: String, status: HTTPResponseStatus) -> Response {
        let response = Response.html(html, status: status)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
