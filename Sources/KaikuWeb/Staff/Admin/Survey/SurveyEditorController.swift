import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/staff/admin/survey`: the organisation's own survey questions, edited as
/// a draft carried in the form and published as a new version with the
/// API's rules (`SurveyPublishing`). Administrators of the whole organisation only.
struct SurveyEditorController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.adminSurvey).pathComponents, use: page)
        routes.on(.POST, SiteURL.staff(.adminSurvey).pathComponents, body: .collect(maxSize: SurveyController.maxBody), use: post)
    }

    func page(_ request: Request) async throws -> Response {
        let (_, organisation) = try await administrator(request)
        let context = request.pageContext
        var model = try await SurveyEditorQuery.load(organisation: organisation, national: request.kaiku.nationalSurvey,
                                                     language: context.language, on: request.db)
        model.published = request.query[Int.self, at: "published"]
        return .html(SurveyEditorPage(context: context, model: model).render())
    }

    func post(_ request: Request) async throws -> Response {
        let (scope, organisation) = try await administrator(request)
        let context = request.pageContext
        let form = (try? request.content.decode([String: String].self, as: .urlEncodedForm)) ?? [:]
        let action = form["action"].flatMap(SurveyEditorForm.Action.init) ?? .preview
        let drafts = SurveyEditorForm.apply(action, to: SurveyEditorForm.drafts(from: form))
        let national = request.kaiku.nationalSurvey
        var model = try await SurveyEditorQuery.load(organisation: organisation, national: national, language: context.language,
                                                     drafts: drafts, on: request.db)
        guard action == .preview || action == .publish else {
            return .html(SurveyEditorPage(context: context, model: model).render())
        }
        do {
            if action == .publish {
                let survey = try await SurveyPublishing.publish(drafts, scope: scope, on: request)
                return request.redirect(to: SiteURL.staff(.adminSurvey).url([("published", String(survey.version))]))
            }
            let own = try SurveyPublishing.check(drafts, organisation: organisation, national: national)
            model.previews = SurveyEditorModel.previews(of: own, national: national, languages: organisation.offeredLanguages)
            return .html(SurveyEditorPage(context: context, model: model).render())
        } catch let error as OwnQuestionError {
            model.error = SurveyEditorModel.Problem(
                field: error.field, message: SurveyEditorModel.message(for: error, catalogue: context.catalogue, language: context.language),
                inputID: SurveyEditorForm.inputID(for: error.field, drafts: drafts))
            return .html(SurveyEditorPage(context: context, model: model).render(), status: .badRequest)
        }
    }

    private func administrator(_ request: Request) async throws -> (StaffScope, Organisation) {
        let scope = try await request.requireScope()
        guard SurveyPublishing.canPublish(scope),
              let organisation = try await Organisation.find(scope.staff.organisationID, on: request.db) else {
            throw Abort(.forbidden, reason: request.kaiku.catalogue.text("staff.survey.forbidden", request.pageLanguage))
        }
        return (scope, organisation)
    }
}
