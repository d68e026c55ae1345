import Foundation
import XCTVapor
@testable import KaikuWeb

/// No value from outside may stop the server or reach an unhandled error:
/// every registered route — the JSON API, Open311 in JSON and XML, the
/// public pages and the staff pages — gets odd values in every path, query,
/// form and body parameter, and must answer each without a 5xx; the process
/// must still be alive and ready at the end. Runs on SQLite and, in CI, on
/// PostgreSQL.
final class RouteFuzzTests: XCTestCase {
    /// Routes are fuzzed by this many workers at once, each with a session
    /// and cases of its own: most of the time is the database's round trips.
    static let workers = 3

    func testNoRouteAnswersOddParametersWithAServerError() async throws {
        try await withApp(adjust: {
            $0.smsWebhookToken = FuzzWorld.webhookSecret
            // Every route gets a case of its own; the limit of cases per address has tests of its own.
            $0.caseRateLimit = 1_000_000
        }) { app in
            // All the fuzzer's requests come from one address: the sign-in throttle (tested on its own)
            // would otherwise answer the password and sign-in routes with 429 after a few odd tokens,
            // and the fuzzing would stop at it instead of reaching what lies behind it.
            app.kaiku.loginThrottle = LoginThrottle(policy: .init(freeFailures: .max, addressLimit: .max))
            // The in-memory test client asks for the responder at every request, and Vapor's default
            // builds a new one, its router of every route included: one for all the fuzzer's requests.
            let responder = app.responder.default
            app.responder.use { _ in responder }
            let fuzz = try await FuzzWorld.make(app)
            let names = try FuzzParameters.names()
            XCTAssertTrue(Set(["from", "to", "end_date", "updated_before", "limit", "page", "answeredAt", "target"]).isSubset(of: names),
                          "the parameter harvest missed known parameters: \(names)")
            // While mending a finding: KAIKU_FUZZ_ONLY=text fuzzes only the routes whose description contains it.
            let only = ProcessInfo.processInfo.environment["KAIKU_FUZZ_ONLY"]
            let routes = app.routes.all.sorted { $0.description < $1.description }
                .filter { route in only.map { route.description.contains($0) } ?? true }
            XCTAssertGreaterThan(routes.count, only == nil ? 50 : 0)
            let started = Date()

            let results = try await withThrowingTaskGroup(of: (failures: [String], requests: Int).self) { group in
                for worker in 0..<Self.workers {
                    let share = routes.enumerated().filter { $0.offset % Self.workers == worker }.map(\.element)
                    group.addTask { try await Self.fuzz(share, app: app, fuzz: fuzz, names: names) }
                }
                return try await group.reduce(into: [(failures: [String], requests: Int)]()) { $0.append($1) }
            }

            let failures = results.flatMap(\.failures)
            let health = try await app.sendRequest(.GET, "/readyz")
            XCTAssertEqual(health.status, .ok, "the server is not ready after the fuzzing")
            XCTAssertEqual(failures.count, 0, failures.prefix(30).joined(separator: "\n"))
            print("route fuzzing: \(routes.count) routes, \(names.count) parameter names, \(results.map(\.requests).reduce(0, +)) requests, "
                  + "\(failures.count) server errors in \(Int(Date().timeIntervalSince(started))) s")
        }
    }

    private static func fuzz(_ routes: [Route], app: Application, fuzz: FuzzWorld, names: [String]) async throws -> (failures: [String], requests: Int) {
        let fuzzer = RouteFuzzer(app: app, fuzz: fuzz, names: names)
        for route in routes {
            let before = (fuzzer.requests, Date())
            try await fuzzer.run(route)
            if ProcessInfo.processInfo.environment["KAIKU_FUZZ_VERBOSE"] != nil {
                FileHandle.standardError.write(Data(("fuzz \(route.method) \(route.path.string): \(fuzzer.requests - before.0) requests in "
                    + String(format: "%.1f s\n", Date().timeIntervalSince(before.1))).utf8))
            }
        }
        return (fuzzer.failures.map(\.description), fuzzer.requests)
    }
}
