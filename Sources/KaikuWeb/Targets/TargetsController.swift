import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// The public directory of feedback targets and their surveys.
struct TargetsController: RouteCollection {
    struct TargetDTO: Content {
        var code: String
        var name: String
        var unit: String
        /// The name of the service area (the branch below the organisation's root) the place belongs to.
        var area: String
    }

    func boot(routes: any RoutesBuilder) throws {
        let targets = routes.grouped("api", "v1", "targets")
        targets.get(use: list)
        targets.get(":code", "survey", use: survey)
    }

    /// Every place in code order; with `q`, the places the start page's search finds, best first.
    func list(_ request: Request) async throws -> [TargetDTO] {
        let language = try request.apiLanguage()
        let query = request.queryStrings["q"] ?? ""
        guard query.count <= PlaceSearch.maxQueryLength else {
            throw FieldError(field: "q", message: "q is at most \(PlaceSearch.maxQueryLength) characters.")
        }
        let entries = try await LandingQuery.entries(on: request.db)
        return TargetSearch.ranked(entries, query: query, language: language).map { entry in
            TargetDTO(code: entry.code, name: entry.name[language], unit: entry.unit, area: entry.area.name[language])
        }
    }

    func survey(_ request: Request) async throws -> SurveyDTO {
        let language = try request.apiLanguage()
        let code = request.parameters.get("code") ?? ""
        guard PlainIdentifier.isPlain(code, maxLength: 100), let context = try await Directory.context(forTarget: code, on: request.db) else {
            throw Abort(.notFound, reason: "No feedback target with code \(code).")
        }
        return SurveyDTO(survey: context.survey, target: context, language: language, catalogue: request.kaiku.catalogue)
    }
}

extension Request {
    /// `?lang=` for the JSON API: Finnish when absent, 400 when unknown.
    func apiLanguage() throws -> Language {
        guard let raw = queryStrings["lang"] else { return .fi }
        guard let language = Language(rawValue: raw) else {
            throw FieldError(field: "lang", message: "lang must be one of fi, sv, en.")
        }
        return language
    }
}
