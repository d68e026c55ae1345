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
    func testNoRouteAnswersOddParametersWithAServerError() async throws {
        try await withApp(adjust: {
            $0.smsWebhookToken = FuzzWorld.webhookSecret
            // Every route gets a case of its own; the limit of cases per address has tests of its own.
            $0.caseRateLimit = 1_000_000
        }) { app in
            let fuzz = try await FuzzWorld.make(app)
            let names = try FuzzParameters.names()
            XCTAssertTrue(Set(["from", "to", "end_date", "updated_before", "limit", "page", "answeredAt", "target"]).isSubset(of: names),
                          "the parameter harvest missed known parameters: \(names)")
            let fuzzer = RouteFuzzer(app: app, fuzz: fuzz, names: names)
            let routes = app.routes.all.sorted { $0.description < $1.description }
            XCTAssertGreaterThan(routes.count, 50)
            // While mending a finding: KAIKU_FUZZ_ONLY=text fuzzes only the routes whose description contains it.
            let only = ProcessInfo.processInfo.environment["KAIKU_FUZZ_ONLY"]
            let started = Date()
            for route in routes where only.map({ route.description.contains($0) }) ?? true {
                let before = (fuzzer.requests, Date())
                try await fuzzer.run(route)
                if ProcessInfo.processInfo.environment["KAIKU_FUZZ_VERBOSE"] != nil {
                    FileHandle.standardError.write(Data(("fuzz \(route.method) \(route.path.string): \(fuzzer.requests - before.0) requests in "
                        + String(format: "%.1f s\n", Date().timeIntervalSince(before.1))).utf8))
                }
            }
            let health = try await app.sendRequest(.GET, "/readyz")
            XCTAssertEqual(health.status, .ok, "the server is not ready after the fuzzing")
            XCTAssertEqual(fuzzer.failures.count, 0, fuzzer.failures.prefix(30).map(\.description).joined(separator: "\n"))
            print("route fuzzing: \(routes.count) routes, \(names.count) parameter names, \(fuzzer.requests) requests, "
                  + "\(fuzzer.failures.count) server errors in \(Int(Date().timeIntervalSince(started))) s")
        }
    }
}
