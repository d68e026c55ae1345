import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `PUT /api/v1/responses/{id}/classification`: a handler's correction of an
/// answer's themes and sentiment. Kept as given, never relabelled by a
/// machine, and taught to the organisation's classifier by the next retraining.
struct ResponseClassificationController: RouteCollection {
    /// More themes than this is not a correction anybody makes by hand.
    static let maxThemes = 20

    struct CorrectionDTO: Content {
        var themes: [String]
        var sentiment: String
    }

    struct ClassificationDTO: Content {
        var id: UUID
        var themes: [String]
        var sentiment: String
        /// `person` after a correction (`lexicon`, `learned`, `language-model` otherwise).
        var classifiedWith: String
        var correctedAt: Date?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.grouped("api", "v1", "responses").grouped(BearerTokenAuthenticator())
            .put(":id", "classification", use: correct)
    }

    /// Handlers, supervisors and administrators of the answer's unit correct; analysts only read.
    func correct(_ request: Request) async throws -> ClassificationDTO {
        let scope = try await request.requireScope()
        guard scope.staff.role != .analyst else {
            throw Abort(.forbidden, reason: "Analysts cannot correct themes or sentiment; ask a handler or supervisor of the unit.")
        }
        let body = try request.decodeJSON(CorrectionDTO.self)
        guard let id = request.parameters.get("id", as: UUID.self),
              let response = try await FeedbackResponse.find(id, on: request.db),
              response.organisationID == scope.staff.organisationID, scope.canSee(unit: response.unitID) else {
            throw Abort(.notFound, reason: "No response with that id in your units.")
        }
        guard body.themes.count <= Self.maxThemes else {
            throw FieldError(field: "themes", message: "themes can list at most \(Self.maxThemes) themes.")
        }
        guard let sentiment = Sentiment(rawValue: body.sentiment) else {
            throw FieldError(field: "sentiment", message: "sentiment must be one of positive, neutral, negative, mixed.")
        }
        let known = try await ThemeCatalogue.codes(organisationID: response.organisationID, on: request.db)
        let themes: [String]
        do {
            themes = try ClassificationCorrection.checkedThemes(body.themes, known: known)
        } catch .unknownTheme(let code) {
            throw FieldError(field: "themes", message: "themes: '\(code.prefix(40))' is not one of your organisation's themes (GET /api/v1/themes lists them).")
        } catch .repeatedTheme(let code) {
            throw FieldError(field: "themes", message: "themes lists '\(code.prefix(40))' more than once; give each theme once.")
        }
        guard response.openText != nil else {
            throw FieldError(status: .conflict, field: "themes", message: "This answer has no open text, so it has no themes or sentiment to correct.")
        }
        try await ClassificationCorrection.apply(to: response, themes: themes, sentiment: sentiment, by: scope.staff.userID,
                                                 at: request.kaiku.clock.now, on: request.db)
        return ClassificationDTO(id: id, themes: themes, sentiment: sentiment.rawValue,
                                 classifiedWith: ClassificationSource.person.rawValue, correctedAt: response.correctedAt)
    }
}
