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
    }

    func boot(routes: any RoutesBuilder) throws {
        let targets = routes.grouped("api", "v1", "targets")
        targets.get(use: list)
        targets.get(":code", "survey", use: survey)
    }

    func list(_ request: Request) async throws -> [TargetDTO] {
        let language = try request.apiLanguage()
        return try await Directory.activeTargets(on: request.db).map { target, unit in
            TargetDTO(code: target.code, name: target.name[language], unit: unit.code)
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
        guard let raw = query[String.self, at: "lang"] else { return .fi }
        guard let language = Language(rawValue: raw) else {
            throw FieldError(field: "lang", message: "lang must be one of fi, sv, en.")
        }
        return language
    }
}
