import Foundation
import XCTVapor
@testable import KaikuStore
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

    func testReactionTimeEndsAtTheFirstCallOrInterimReplyAndIsMeasuredApartFromTheAnswerTime() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            for target in ["t-a1", "t-a2", "t-a1"] {
                _ = try await TestWorld.submit(app, target: target, nps: 3, extra: ["contact": ["email": "c@example.fi"], "wantsAnswer": true])
            }
            let handler = try await world.signIn(app, role: .handler, unit: "A")
            let cases = try await app.send(.GET, "/api/v1/cases?status=open", token: handler).json([CaseSummaryDTO].self)
            XCTAssertEqual(cases.count, 3)
            let (called, interim, late) = (cases[0].id, cases[1].id, cases[2].id)

            clock.advance(by: 2 * 3_600)
            let call = try await app.send(.POST, "/api/v1/cases/\(called)/calls", json: ["summary": "Kerroin, että asia selvitetään"], token: handler)
            XCTAssertEqual(call.status, .ok)
            XCTAssertEqual(try call.json(CaseSummaryDTO.self).status, "open", "a call is no answer: the case stays open")
            clock.advance(by: 2 * 3_600)
            let reply = try await app.send(.POST, "/api/v1/cases/\(interim)/interim-replies", token: handler)
            XCTAssertEqual(reply.status, .ok)
            clock.advance(by: 2 * 3_600)
            let again = try await app.send(.POST, "/api/v1/cases/\(called)/calls", json: ["summary": "Toinen puhelu"], token: handler)
            XCTAssertEqual(again.status, .ok, "a second call is recorded, but the first contact stays the first")
            clock.advance(by: 14 * 3_600)
            // Tokens do not outlive a working day: each later step is taken by someone signed in then.
            let closer = try await world.signIn(app, role: .handler, unit: "A")
            let closed = try await app.send(.POST, "/api/v1/cases/\(called)/close", token: closer)
            XCTAssertEqual(closed.status, .ok)
            clock.advance(by: 15 * 86_400 - 20 * 3_600)
            let laterHandler = try await world.signIn(app, role: .handler, unit: "A")
            let lateCall = try await app.send(.POST, "/api/v1/cases/\(late)/calls", json: ["summary": "Pahoittelin viivettä"], token: laterHandler)
            XCTAssertEqual(lateCall.status, .ok)

            let supervisor = try await world.signIn(app, role: .supervisor, unit: "A")
            let body = try await app.send(.GET, "/api/v1/cases/statistics", token: supervisor).object
            XCTAssertEqual(body["reacted"] as? Int, 3)
            XCTAssertEqual(body["medianReactionHours"] as? Double, 4, "2 h, 4 h and 360 h: the median is 4 h")
            XCTAssertEqual(body["reactionKeptPercent"] as? Int, 67, "the call after 15 days came after the 14-day promise")
            XCTAssertEqual(body["finished"] as? Int, 1)
            XCTAssertEqual(body["medianHandlingHours"] as? Double, 20, "the answer time runs to the close, not to the first call")

            let history = try await app.send(.GET, "/api/v1/cases/\(called)", token: laterHandler).json(CaseDetailDTO.self).history
            XCTAssertEqual(history.map(\.kind), ["received", "called", "called", "closed"])
            XCTAssertEqual(history[1].detail, "Kerroin, että asia selvitetään")
        }
    }

    func testACallWithoutASummaryIsRefusedAndChangesNothing() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            _ = try await TestWorld.submit(app, target: "t-a1", nps: 3, extra: ["contact": ["email": "c@example.fi"], "wantsAnswer": true])
            let handler = try await world.signIn(app, role: .handler, unit: "A")
            let id = try await app.send(.GET, "/api/v1/cases?status=open", token: handler).json([CaseSummaryDTO].self)[0].id
            let empty = try await app.send(.POST, "/api/v1/cases/\(id)/calls", json: ["summary": "  "], token: handler)
            XCTAssertEqual(empty.status, .badRequest)
            XCTAssertEqual(empty.object["field"] as? String, "summary")
            _ = try await app.send(.POST, "/api/v1/cases/\(id)/close", token: handler)
            let closed = try await app.send(.POST, "/api/v1/cases/\(id)/interim-replies", json: ["note": "x"], token: handler)
            XCTAssertEqual(closed.status, .conflict, "a closed case takes no more contact steps")
            let stored = try await FeedbackCase.find(id, on: app.db)
            XCTAssertNil(stored?.firstContactAt)
        }
    }
}
