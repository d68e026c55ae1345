import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// The organisation's survey: read by staff, a new version published by an
/// administrator of the whole organisation.
struct SurveyController: RouteCollection {
    /// Thirty questions with twelve options in three languages fit well within it.
    static let maxBody: ByteCount = "512kb"

    func boot(routes: any RoutesBuilder) throws {
        let survey = routes.grouped("api", "v1", "survey").grouped(BearerTokenAuthenticator())
        survey.get(use: show)
        survey.on(.POST, "versions", body: .collect(maxSize: Self.maxBody), use: publish)
    }

    func show(_ request: Request) async throws -> OrganisationSurveyDTO {
        let staff = try request.requireStaff()
        guard let organisation = try await Organisation.find(staff.organisationID, on: request.db) else { throw Abort(.forbidden) }
        return OrganisationSurveyDTO(try await SurveyStore.current(for: organisation, on: request.db).definition())
    }

    func publish(_ request: Request) async throws -> Response {
        let scope = try await request.requireScope()
        guard SurveyPublishing.canPublish(scope) else {
            throw Abort(.forbidden, reason: "Only an administrator of the whole organisation publishes its survey.")
        }
        let body = try request.decodeJSON(SurveyVersionRequest.self)
        guard let drafts = body.questions else {
            throw FieldError(field: "questions", message: "questions is required: the organisation's own questions, which follow the national core.")
        }
        let survey: Survey
        do {
            survey = try await SurveyPublishing.publish(drafts, scope: scope, on: request)
        } catch let error as OwnQuestionError {
            throw FieldError(field: error.field, message: error.message)
        }
        let response = Response(status: .created)
        try response.content.encode(SurveyVersionCreated(version: survey.version), as: .json)
        return response
    }
}
