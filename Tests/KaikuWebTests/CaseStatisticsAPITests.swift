import Foundation
import XCTVapor
@testable import KaikuWeb

final class CaseStatisticsAPITests: XCTestCase {
    func testSupervisorSeesOpenLateAndKeptPromisesForTheirUnits() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            for target in ["t-a1", "t-a2", "t-b1"] {
                _ = try await TestWorld.submit(app, target: target, nps: 3, extra: ["contact": ["email": "c@example.fi"], "wantsAnswer": true])
            }
            let handler = try await world.signIn(app, role: .handler, unit: "A")
            let open = try await app.send(.GET, "/api/v1/cases?status=open", token: handler).json([CaseSummaryDTO].self)
            XCTAssertEqual(open.count, 2)
            clock.advance(by: 3 * 3_600)
            _ = try await app.send(.POST, "/api/v1/cases/\(open[0].id)/close", token: handler)
            clock.advance(by: 15 * 86_400)
            let supervisor = try await world.signIn(app, role: .supervisor, unit: "A")
            let stats = try await app.send(.GET, "/api/v1/cases/statistics", token: supervisor)
            XCTAssertEqual(stats.status, .ok)
            let body = stats.object
            XCTAssertEqual(body["unit"] as? String, "A")
            XCTAssertEqual(body["pending"] as? Int, 1, "B1's case is not A's")
            XCTAssertEqual(body["late"] as? Int, 1)
            XCTAssertEqual(body["finished"] as? Int, 1)
            XCTAssertEqual(body["medianHandlingHours"] as? Double, 3)
            XCTAssertEqual(body["promiseKeptPercent"] as? Int, 100)
            let outside = try await app.send(.GET, "/api/v1/cases/statistics?unit=B", token: supervisor)
            XCTAssertEqual(outside.status, .notFound)
        }
    }
}
