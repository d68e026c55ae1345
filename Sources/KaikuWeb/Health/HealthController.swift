import Fluent
import KaikuCore
import KaikuStore
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

    /// Ready only when the database answers and can take writes (enough free
    /// disk beside the embedded database, no write refused a moment ago), so
    /// a load balancer stops sending traffic to an instance that cannot store answers.
    func ready(_ request: Request) async -> Response {
        do {
            _ = try await request.db.sql.raw("SELECT 1").all()
        } catch {
            request.logger.warning("readyz: database not answering: \(error)")
            return unavailable("database unavailable")
        }
        let settings = request.kaiku.settings
        let free: Int64? = switch settings.database {
        case .sqlite(let path): DiskSpace.available(besides: path)
        default: nil
        }
        if let problem = StoreReadiness.problem(freeBytes: free, minimumFreeBytes: settings.minimumFreeDiskBytes,
                                                lastWriteFailure: await request.kaiku.storeHealth.lastFailure, now: request.kaiku.clock.now) {
            request.logger.warning("readyz: \(problem.rawValue)")
            return unavailable(problem == .diskFull ? "disk full" : "writes failing")
        }
        return (try? await Status(status: "ready").encodeResponse(status: .ok, for: request)) ?? Response(status: .ok)
    }

    private func unavailable(_ status: String) -> Response {
        let response = Response(status: .serviceUnavailable)
        try? response.content.encode(Status(status: status))
        return response
    }
}
