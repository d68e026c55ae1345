import KaikuStore
import Vapor

/// Stops the group-commit writer's own thread when the application shuts down.
struct ResponseWriterLifecycle: LifecycleHandler {
    let writer: ResponseWriter

    func shutdownAsync(_ app: Application) async {
        await writer.shutdown()
    }
}
