import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Runs due jobs from the job table. Every instance may run one; the table's
/// atomic claim makes sure a job runs once however many there are.
struct JobRunner: Sendable {
    typealias Handler = @Sendable (JobQueue.Claimed, Application) async throws -> Void

    let worker: String
    let handlers: [String: Handler]
    static let lease: TimeInterval = 300

    init(worker: String = "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))",
         handlers: [String: Handler] = JobHandlers.all) {
        self.worker = worker
        self.handlers = handlers
    }

    /// Runs every job due now and returns how many ran (successfully or not).
    @discardableResult
    func runDue(_ app: Application, limit: Int = 1_000) async throws -> Int {
        var ran = 0
        while ran < limit, let job = try await JobQueue.claim(worker: worker, now: app.kaiku.clock.now, lease: Self.lease, on: app.db) {
            ran += 1
            try await run(job, app)
        }
        return ran
    }

    /// Runs one job that was just queued, now, if no other worker has taken
    /// it; a failure leaves it in the table for a retry like any other job.
    func runNow(_ id: UUID, app: Application) async throws {
        guard let job = try await JobQueue.claim(id: id, worker: worker, now: app.kaiku.clock.now, lease: Self.lease, on: app.db) else { return }
        try await run(job, app)
    }

    private func run(_ job: JobQueue.Claimed, _ app: Application) async throws {
        do {
            guard let handler = handlers[job.kind] else { throw Abort(.internalServerError, reason: "no handler for job kind \(job.kind)") }
            try await handler(job, app)
            try await JobQueue.complete(job.id, worker: worker, now: app.kaiku.clock.now, on: app.db)
        } catch {
            app.logger.warning("job \(job.kind) \(job.id) failed (attempt \(job.attempts)/\(job.maxAttempts)): \(String(describing: error))")
            try await JobQueue.fail(job, worker: worker, error: String(describing: error), now: app.kaiku.clock.now, on: app.db)
        }
    }
}

/// Polls the job table while the server runs.
final class JobRunnerLifecycle: LifecycleHandler, @unchecked Sendable {
    private var task: Task<Void, Never>?
    let interval: Duration

    init(interval: Duration = .seconds(15)) {
        self.interval = interval
    }

    func didBootAsync(_ app: Application) async throws {
        let runner = JobRunner()
        let interval = self.interval
        try await JobHandlers.schedulePurge(app, after: app.kaiku.clock.now)
        try await KioskWatch.schedule(app, after: app.kaiku.clock.now)
        try await MonthlyReportJob.schedule(app, after: app.kaiku.clock.now)
        task = Task {
            while !Task.isCancelled {
                do {
                    try await runner.runDue(app)
                } catch {
                    app.logger.warning("job runner: \(String(reflecting: error))")
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        task?.cancel()
    }
}
