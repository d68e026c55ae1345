import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

final class CaseActionsTests: XCTestCase {
    private func openCase(_ app: Application, target: String = "t-a1") async throws -> UUID {
        let receipt = try await TestWorld.submit(app, target: target, nps: 1, extra: [
            "contact": ["email": "asiakas@example.fi"], "wantsAnswer": true, "openText": "Kukaan ei soittanut takaisin",
        ])
        let stored = try await FeedbackCase.query(on: app.db).filter(\.$receipt == receipt.receipt).first()
        return try XCTUnwrap(stored?.id)
    }

    private func history(_ app: Application, _ id: UUID, token: String) async throws -> CaseDetailDTO {
        try await app.send(.GET, "/api/v1/cases/\(id)", token: token).json(CaseDetailDTO.self)
    }

    func testHandlerTakesNotesAndClosesWithEveryStepInTheHistory() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let id = try await openCase(app)
            let handler = try await world.signIn(app, role: .handler, unit: "A", email: "hanna@test.example")
            let taken = try await app.send(.POST, "/api/v1/cases/\(id)/take", token: handler).json(CaseSummaryDTO.self)
            XCTAssertEqual(taken.status, "handling")
            let noted = try await app.send(.POST, "/api/v1/cases/\(id)/notes", json: ["text": "Soitin, ei vastannut"], token: handler)
            XCTAssertEqual(noted.status, .ok)
            let closed = try await app.send(.POST, "/api/v1/cases/\(id)/close", json: ["note": "Vastattu puhelimessa"], token: handler).json(CaseSummaryDTO.self)
            XCTAssertEqual(closed.status, "closed")
            let detail = try await history(app, id, token: handler)
            XCTAssertEqual(detail.history.map(\.kind), ["received", "taken", "note", "closed"])
            XCTAssertEqual(detail.history.dropFirst().map(\.actor), Array(repeating: "hanna@test.example", count: 3))
            XCTAssertEqual(detail.history[2].detail, "Soitin, ei vastannut")
            XCTAssertNotNil(detail.closedAt)
            let stored = try await FeedbackCase.find(id, on: app.db)
            XCTAssertNotNil(stored?.assigneeID)
        }
    }

    func testClosedCaseTakesOnlyNotes() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let id = try await openCase(app)
            let handler = try await world.signIn(app, role: .handler, unit: "A1")
            _ = try await app.send(.POST, "/api/v1/cases/\(id)/close", token: handler)
            let again = try await app.send(.POST, "/api/v1/cases/\(id)/take", token: handler)
            XCTAssertEqual(again.status, .conflict)
            let note = try await app.send(.POST, "/api/v1/cases/\(id)/notes", json: ["text": "Asiakas kiitti"], token: handler)
            XCTAssertEqual(note.status, .ok)
        }
    }

    func testReroutingMovesTheCaseAndKeepsTheOriginalUnit() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let id = try await openCase(app, target: "t-a1")
            let handler = try await world.signIn(app, role: .handler, unit: "A")
            let moved = try await app.send(.POST, "/api/v1/cases/\(id)/reroute", json: ["unit": "B1", "reason": "Koskee päivystystä"], token: handler)
            XCTAssertEqual(try moved.json(CaseSummaryDTO.self).unit, "B1")
            let lost = try await app.send(.GET, "/api/v1/cases/\(id)", token: handler)
            XCTAssertEqual(lost.status, .notFound, "the case now belongs to B1's handlers")
            let newHandler = try await world.signIn(app, role: .handler, unit: "B")
            let detail = try await history(app, id, token: newHandler)
            XCTAssertEqual(detail.unit, "B1")
            XCTAssertEqual(detail.originalUnit, "A1")
            XCTAssertEqual(detail.status, "open")
            XCTAssertEqual(detail.history.last?.kind, "rerouted")
            XCTAssertEqual(detail.history.last?.detail, "A1 → B1: Koskee päivystystä")
            let otherOrganisation = try await app.send(.POST, "/api/v1/cases/\(id)/reroute", json: ["unit": "X"], token: newHandler)
            XCTAssertEqual(otherOrganisation.status, .badRequest)
        }
    }

    func testSupervisorAssignsOnlyToStaffWhoseUnitsIncludeTheCase() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let id = try await openCase(app, target: "t-a2")
            let supervisor = try await world.signIn(app, role: .supervisor, unit: "A")
            try await world.signIn(app, role: .handler, unit: "A2", email: "a2@test.example")
            try await world.signIn(app, role: .handler, unit: "B", email: "b@test.example")
            let wrong = try await app.send(.POST, "/api/v1/cases/\(id)/assign", json: ["email": "b@test.example"], token: supervisor)
            XCTAssertEqual(wrong.status, .badRequest)
            let right = try await app.send(.POST, "/api/v1/cases/\(id)/assign", json: ["email": "a2@test.example"], token: supervisor)
            XCTAssertEqual(try right.json(CaseSummaryDTO.self).status, "handling")
            let detail = try await history(app, id, token: supervisor)
            XCTAssertEqual(detail.history.last?.detail, "a2@test.example")
            let handler = try await world.signIn(app, role: .handler, unit: "A2")
            let notAllowed = try await app.send(.POST, "/api/v1/cases/\(id)/assign", json: ["email": "a2@test.example"], token: handler)
            XCTAssertEqual(notAllowed.status, .forbidden)
        }
    }

    func testReferralNamesTheChannelAndEndsTheCase() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let id = try await openCase(app)
            let handler = try await world.signIn(app, role: .handler, unit: "A1")
            let bad = try await app.send(.POST, "/api/v1/cases/\(id)/refer", json: ["kind": "court"], token: handler)
            XCTAssertEqual(bad.status, .badRequest)
            let referred = try await app.send(.POST, "/api/v1/cases/\(id)/refer", json: ["kind": "complaint"], token: handler).json(CaseSummaryDTO.self)
            XCTAssertEqual(referred.status, "referred")
            let open = try await app.send(.GET, "/api/v1/cases?status=open", token: handler).json([CaseSummaryDTO].self)
            XCTAssertTrue(open.isEmpty)
        }
    }

    func testAnalystsReadButDoNotActAndOutsidersGet404() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let id = try await openCase(app)
            let analyst = try await world.signIn(app, role: .analyst, unit: "ROOT")
            let refused = try await app.send(.POST, "/api/v1/cases/\(id)/take", token: analyst)
            XCTAssertEqual(refused.status, .forbidden)
            let outsider = try await world.signIn(app, role: .handler, unit: "B")
            for action in ["take", "close", "notes", "reroute", "assign", "refer", "calls", "interim-replies"] {
                let response = try await app.send(.POST, "/api/v1/cases/\(id)/\(action)",
                                                  json: ["text": "x", "unit": "B1", "email": "x@y.fi", "kind": "incident", "summary": "x"], token: outsider)
                XCTAssertEqual(response.status, .notFound, action)
            }
            let events = try await CaseEvent.query(on: app.db).filter(\.$caseID == id).count()
            XCTAssertEqual(events, 1, "refused actions change nothing")
        }
    }
}
