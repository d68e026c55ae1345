import Vapor

/// Serves the OpenAPI document of `/api/v1`; tests fuzz the server against it.
struct OpenAPIController: RouteCollection {
    let document: Data

    init() throws {
        document = try ResourceFile.data("openapi.json")
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("openapi.json") { _ in
            Response(status: .ok, headers: ["Content-Type": "application/json"], body: .init(data: document))
        }
    }
}
