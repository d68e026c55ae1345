import Fluent
import SQLKit
import Vapor

struct HealthController: RouteCollection {
    struct Status: Content {
        var status: String
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("healthz", use: health)
        routes.get("readyz", use: ready)
    }

    func health(_ request: Request) -> Status { Status(status: "ok") }

    /// Ready only when the database answers, so a load balancer stops sending
    /// traffic to an instance that cannot store answers.
    func ready(_ request: Request) async -> Response {
        do {
            _ = try await (request.db as! any SQLDatabase).raw("SELECT 1").all()
            return try await Status(status: "ready").encodeResponse(status: .ok, for: request)
        } catch {
            request.logger.warning("readyz: database not answering: \(error)")
            let response = Response(status: .serviceUnavailable)
            try? response.content.encode(Status(status: "database unavailable"))
            return response
        }
    }
}
