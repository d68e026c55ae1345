import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/api/v1/ideas`: the staff idea bank. Every staff member of the
/// organisation sends ideas and lists them (never another organisation's);
/// administrators and an idea's owner move it on (`IdeaDesk`).
struct IdeasController: RouteCollection {
    struct SubmitRequest: Content {
        var title: String
        var description: String
        var unit: String
        var category: String?
        var anonymous: Bool?
        /// Of the notes to the submitter: fi, sv or en (Finnish when left out).
        var language: String?
    }

    struct ChangeRequest: Content {
        var status: String?
        var owner: String?
        var category: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let ideas = routes.grouped("api", "v1").grouped(BearerTokenAuthenticator())
        ideas.post("ideas", use: create)
        ideas.get("ideas", use: list)
        ideas.get("ideas", "stats", use: stats)
        ideas.get("ideas.csv", use: csv)
        ideas.patch("ideas", ":id", use: update)
    }

    func create(_ request: Request) async throws -> Response {
        let desk = try await IdeaDesk.of(request)
        let body = try request.decodeJSON(SubmitRequest.self)
        let language = try body.language.map { raw -> Language in
            guard let language = Language(rawValue: raw) else { throw IdeaProblem.badLanguage.fieldError }
            return language
        } ?? .fi
        let idea = try await IdeaProblem.answered {
            try await desk.submit(.init(title: body.title, description: body.description, unit: body.unit, category: body.category,
                                        anonymous: body.anonymous ?? false, language: language))
        }
        let response = Response(status: .created)
        try response.content.encode(IdeaCreatedDTO(id: try idea.requireID()), as: .json)
        return response
    }

    func list(_ request: Request) async throws -> [IdeaDTO] {
        let desk = try await IdeaDesk.of(request)
        let filter = try await IdeaProblem.answered { try await Self.filter(request, desk) }
        let ideas = try await Ideas.list(organisationID: desk.organisationID, filter: filter, on: request.db)
        let people = try await IdeaPeople.of(organisationID: desk.organisationID, on: request.db)
        return ideas.map { IdeaDTO($0, unitCode: desk.scope.units[$0.unitID]?.code ?? "", people: people, viewer: desk.userID) }
    }

    func stats(_ request: Request) async throws -> IdeaStatsDTO {
        let desk = try await IdeaDesk.of(request)
        let filter = try await IdeaProblem.answered { try await Self.filter(request, desk) }
        let codes = try await IdeaCategories.codes(organisationID: desk.organisationID, on: request.db)
        return IdeaStatsDTO(try await Ideas.counts(organisationID: desk.organisationID, filter: filter, categoryCodes: codes,
                                                   zone: try await desk.timeZone(), on: request.db))
    }

    func csv(_ request: Request) async throws -> Response {
        try await Self.csvResponse(request, desk: try await IdeaDesk.of(request))
    }

    func update(_ request: Request) async throws -> IdeaDTO {
        let desk = try await IdeaDesk.of(request)
        let idea = try await desk.find(request.parameters.get("id", as: UUID.self))
        guard desk.mayHandle(idea) else { throw IdeaProblem.notHandler.fieldError }
        let body = try request.decodeJSON(ChangeRequest.self)
        try await IdeaProblem.answered { try await desk.change(idea, status: body.status, owner: body.owner, category: body.category) }
        let people = try await IdeaPeople.of(organisationID: desk.organisationID, on: request.db)
        return IdeaDTO(idea, unitCode: desk.scope.units[idea.unitID]?.code ?? "", people: people, viewer: desk.userID)
    }

    /// The filters of the list, the counts and the CSV, from the query string.
    static func filter(_ request: Request, _ desk: IdeaDesk) async throws -> IdeaFilter {
        func value(_ name: String) throws -> String? {
            guard let raw = request.queryStrings[name] else { return nil }
            guard raw.count <= 100 else { throw FieldError(field: name, message: "\(name) is too long.") }
            return raw
        }
        return try await desk.filter(status: try value("status"), category: try value("category"), unit: try value("unit"), year: try value("year"))
    }

    /// The filtered ideas as CSV (the page's download shares it). An anonymous idea's submitter column is empty.
    static func csvResponse(_ request: Request, desk: IdeaDesk) async throws -> Response {
        let filter = try await IdeaProblem.answered { try await Self.filter(request, desk) }
        let ideas = try await Ideas.list(organisationID: desk.organisationID, filter: filter, on: request.db)
        let people = try await IdeaPeople.of(organisationID: desk.organisationID, on: request.db)
        let rows = ideas.map { IdeaDTO($0, unitCode: desk.scope.units[$0.unitID]?.code ?? "", people: people, viewer: desk.userID) }
        var encoder = IdeasCSV(timeZone: try await desk.timeZone())
        let text = encoder.encode(rows)
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"kaiku-ideas.csv\"")
        return response
    }
}
