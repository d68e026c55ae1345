import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// The public figures: a page per unit and per target, an iframe widget and
/// a JSON endpoint for county web sites. No sign-in; nothing here reads
/// answers, open text, contact details or receipts — only the rollups.
struct PublicFiguresController: RouteCollection {
    enum Subject { case unit, target }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("figures", use: index)
        routes.get("figures", "units", ":code") { try await page($0, .unit) }
        routes.get("figures", "targets", ":code") { try await page($0, .target) }
        routes.get("widget", "units", ":code") { try await widget($0, .unit) }
        routes.get("widget", "targets", ":code") { try await widget($0, .target) }
        let api = routes.grouped("api", "v1", "public").grouped(PublicCORSMiddleware())
        api.get("units", ":code", "figures") { try await json($0, .unit) }
        api.get("targets", ":code", "figures") { try await json($0, .target) }
    }

    func index(_ request: Request) async throws -> Response {
        let language = request.pageLanguage
        var organisations: [PublicFiguresIndexPage.OrganisationTree] = []
        for organisation in try await Organisation.query(on: request.db).sort(\.$code).all() {
            let units = try await OrgUnit.all(in: organisation.requireID(), on: request.db)
            organisations.append(.init(code: organisation.code, name: organisation.name[language], units: units, language: language))
        }
        let page = PublicFiguresIndexPage(organisations: organisations, language: language, catalogue: request.kaiku.catalogue)
        return .html(page.render())
    }

    func page(_ request: Request, _ subject: Subject) async throws -> Response {
        let language = request.pageLanguage
        let found: PublicFiguresModel?
        do { found = try await load(request, subject, language) } catch let ambiguous as AmbiguousUnitCode {
            return ambiguityPage(request, ambiguous, path: "/figures/units", language)
        }
        guard let model = found else { return notFound(request, language) }
        return .html(PublicFiguresPage(model: model, catalogue: request.kaiku.catalogue, baseURL: baseURL(request)).render())
    }

    func widget(_ request: Request, _ subject: Subject) async throws -> Response {
        // Only ?lang= and Accept-Language: a staff cookie must not change what a shared cache keeps.
        let language = request.query[String.self, at: "lang"].flatMap(Language.init(rawValue:))
            ?? Language.preferred(fromAcceptLanguage: request.headers.first(name: .acceptLanguage)) ?? .fi
        let response: Response
        let found: PublicFiguresModel?
        do { found = try await load(request, subject, language) } catch let ambiguous as AmbiguousUnitCode {
            return ambiguityPage(request, ambiguous, path: "/widget/units", language)
        }
        if let model = found {
            response = .html(WidgetPage(model: model, catalogue: request.kaiku.catalogue).render())
            response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=60")
        } else {
            response = notFound(request, language)
        }
        response.headers.replaceOrAdd(name: .vary, value: "Accept-Language")
        return response
    }

    func json(_ request: Request, _ subject: Subject) async throws -> Response {
        let language = try request.apiLanguage()
        let found: PublicFiguresModel?
        do { found = try await load(request, subject, language) } catch let ambiguous as AmbiguousUnitCode {
            throw FieldError(status: .badRequest, field: "org", message: "Several organisations have a unit with code \(ambiguous.code): "
                + "add org= with one of \(ambiguous.organisations.map(\.code).joined(separator: ", ")).")
        }
        guard let model = found else {
            let code = request.parameters.get("code") ?? ""
            throw FieldError(status: .notFound, field: "code", message: subject == .unit ? "No unit with code \(code)." : "No feedback target with code \(code).")
        }
        let response = try await PublicFiguresDTO(model).encodeResponse(for: request)
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=60")
        return response
    }

    /// A unit code that more than one organisation uses, asked for without `org=`.
    struct AmbiguousUnitCode: Error {
        var code: String
        var organisations: [Organisation]
    }

    /// The figures of the unit (or of the active target's unit) named in the path; `nil` when there is none.
    /// Unit codes are unique only within an organisation: `?org=CODE` picks
    /// one, and is needed only when the code is not unique, so that links
    /// made before another organisation took the same code keep working.
    private func load(_ request: Request, _ subject: Subject, _ language: Language) async throws -> PublicFiguresModel? {
        let code = request.parameters.get("code") ?? ""
        guard PlainIdentifier.isPlain(code, maxLength: 100) else { return nil }
        var target: Target?
        let unit: OrgUnit?
        switch subject {
        case .unit:
            let candidates = try await OrgUnit.query(on: request.db).filter(\.$code == code).all()
            if let organisationCode = request.query[String.self, at: "org"] {
                guard PlainIdentifier.isPlain(organisationCode, maxLength: 100),
                      let organisation = try await Organisation.query(on: request.db).filter(\.$code == organisationCode).first()
                else { return nil }
                unit = candidates.first { $0.organisationID == organisation.id }
            } else if candidates.count > 1 {
                let organisations = try await Organisation.query(on: request.db)
                    .filter(\.$id ~~ candidates.map(\.organisationID)).sort(\.$code).all()
                throw AmbiguousUnitCode(code: code, organisations: organisations)
            } else {
                unit = candidates.first
            }
        case .target:
            target = try await Target.query(on: request.db).filter(\.$code == code).filter(\.$active == true).first()
            unit = try await target.asyncFlatMap { try await OrgUnit.find($0.unitID, on: request.db) }
        }
        guard let unit, let organisation = try await Organisation.find(unit.organisationID, on: request.db) else { return nil }
        return try await PublicFiguresLoader.load(
            unit: unit, organisation: organisation, target: target, language: language, now: request.kaiku.clock.now, on: request.db)
    }

    /// 400: the code needs `org=`; the page says so and links each organisation's unit.
    private func ambiguityPage(_ request: Request, _ ambiguous: AmbiguousUnitCode, path: String, _ language: Language) -> Response {
        let page = PublicFiguresAmbiguityPage(
            code: ambiguous.code, path: "\(path)/\(ambiguous.code)",
            organisations: ambiguous.organisations.map { ($0.code, $0.name[language]) }, language: language, catalogue: request.kaiku.catalogue)
        return .html(page.render(), status: .badRequest)
    }

    private func notFound(_ request: Request, _ language: Language) -> Response {
        let page = ErrorPage(status: .notFound, message: "", language: language, catalogue: request.kaiku.catalogue)
        return .html(page.render(), status: .notFound)
    }

    /// Where the snippet points: the configured public address, else the host this page was asked from.
    private func baseURL(_ request: Request) -> String {
        request.kaiku.settings.publicBaseURL ?? "http://\(request.headers.first(name: .host) ?? "127.0.0.1:8080")"
    }
}

private extension Optional {
    func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
