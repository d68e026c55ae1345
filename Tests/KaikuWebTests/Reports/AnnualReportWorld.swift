import Foundation
import KaikuCore
import XCTVapor
@testable import KaikuWeb

/// Answers over two years for the annual report's tests, on a clock fixed
/// at 15 March 2026 (Helsinki), so that 2026 and 2025 are both reportable.
///
/// 2026 — A1: 10, 9, 9, 3, 7 (kiosk); A2: 10, 0, 0, 8, 6, 9 (Swedish); B1: 10, 10 (below the minimum of 5).
/// 2025 — A1: 10, 10, 10, 0, 8 (web); B1: 9.
enum AnnualReportWorld {
    static let now = ISO8601DateFormatter().date(from: "2026-03-15T10:00:00Z")!
    static let thisYear = "2026-02-10T10:00:00+02:00"
    static let lastYear = "2025-06-10T10:00:00+03:00"

    static func clock() -> WallClock { TestClock(now).wall }

    static func seed(_ app: Application) async throws -> TestWorld {
        let world = try await TestWorld.make(on: app)
        for score in [10, 9, 9, 3, 7] {
            try await TestWorld.submit(app, target: "t-a1", nps: score, statements: ["felt_safe": score > 8 ? 5 : 2], channel: "kiosk",
                                       extra: ["answeredAt": thisYear])
        }
        for score in [10, 0, 0, 8, 6, 9] {
            try await TestWorld.submit(app, target: score == 9 ? "t-a2b" : "t-a2", nps: score, language: "sv", extra: ["answeredAt": thisYear])
        }
        for _ in 0..<2 { try await TestWorld.submit(app, target: "t-b1", nps: 10, extra: ["answeredAt": thisYear]) }
        for score in [10, 10, 10, 0, 8] {
            try await TestWorld.submit(app, target: "t-a1", nps: score, statements: ["felt_safe": 4], extra: ["answeredAt": lastYear])
        }
        try await TestWorld.submit(app, target: "t-b1", nps: 9, extra: ["answeredAt": lastYear])
        try await TestWorld.submit(app, target: "t-x", nps: 0, extra: ["answeredAt": thisYear])
        return world
    }

    /// `GET /api/v1/reports/summary` for a whole calendar year.
    static func summary(_ app: Application, token: String, unit: String, year: Int, groupBy: String? = nil) async throws -> [String: Any] {
        let group = groupBy.map { "&groupBy=\($0)" } ?? ""
        let response = try await app.send(.GET, "/api/v1/reports/summary?unit=\(unit)&from=\(year)-01-01&to=\(year)-12-31\(group)", token: token)
        XCTAssertEqual(response.status, .ok, response.text)
        return response.object
    }
}
