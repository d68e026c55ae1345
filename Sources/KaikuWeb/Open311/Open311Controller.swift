import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Open311 GeoReport v2 with the CitySDK and 6Aika extensions
/// (`/open311/v2/…`): feedback targets as services, public feedback as
/// service requests, and new feedback from approved clients with an API key.
struct Open311Controller: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let v2 = routes.grouped("open311", "v2")
        v2.get(":document", use: { try await respond($0, Self.top) })
        v2.post(":document", use: { try await respond($0, Self.post) })
        v2.get("services", ":document", use: { try await respond($0, Self.service) })
        v2.get("requests", ":document", use: { try await respond($0, Self.request) })
    }

    /// Every error, ours or Vapor's, in the standard's format; JSON when the
    /// path names no format.
    private func respond(_ request: Request, _ handler: (Request, String, Open311Format) async throws -> Open311Document) async -> Response {
        let component = request.parameters.get("document") ?? ""
        let split = Open311Format.split(component)
        do {
            guard let (name, format) = split else { throw Open311Error.notFound("Ask for a .json or .xml document, e.g. services.json.") }
            return try await handler(request, name, format).response(format)
        } catch let error as Open311Error {
            return error.document.response(split?.format ?? .json, status: error.status)
        } catch {
            let (status, _, body) = KaikuErrorMiddleware(environment: request.application.environment).describe(error, request: request)
            return Open311Error(status: status, description: body.error).document.response(split?.format ?? .json, status: status)
        }
    }

    private static func top(_ request: Request, _ name: String, _ format: Open311Format) async throws -> Open311Document {
        switch name {
        case "services": return try await Open311Services.list(request)
        case "requests": return try await Open311Requests.list(request)
        default: throw Open311Error.notFound("There is no \(name) here: ask for services or requests.")
        }
    }

    private static func post(_ request: Request, _ name: String, _ format: Open311Format) async throws -> Open311Document {
        guard name == "requests" else { throw Open311Error.notFound("Only requests can be posted.") }
        return try await Open311Submission.create(request)
    }

    private static func service(_ request: Request, _ code: String, _ format: Open311Format) async throws -> Open311Document {
        try await Open311Services.definition(request, code: code)
    }

    private static func request(_ request: Request, _ id: String, _ format: Open311Format) async throws -> Open311Document {
        try await Open311Requests.one(request, id: id)
    }
}
