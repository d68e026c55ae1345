import FluentKit
import Foundation
import KaikuStore
import SQLKit
import XCTVapor
@testable import KaikuWeb

final class ResponsesAPITests: XCTestCase {
    private func post(_ app: Application, _ body: [String: Any], key: String? = nil) async throws -> XCTHTTPResponse {
        var headers = HTTPHeaders()
        if let key { headers.add(name: "Idempotency-Key", value: key) }
        return try await app.send(.POST, "/api/v1/responses", json: RawJSON(body), headers: headers)
    }

    private func storedCount(_ app: Application) async throws -> Int {
        try await FeedbackResponse.query(on: app.db).count()
    }

    func testValidSubmissionIsStoredAndAcknowledgedWithReceipt() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let response = try await post(app, [
                "target": "t-a1", "channel": "kiosk", "language": "sv",
                "answers": ["nps": 9, "felt_safe": 4, "smooth_access": NSNull()],
                "openText": "Bra service", "respondent": "relative",
            ])
            XCTAssertEqual(response.status, .created)
            let receipt = try response.json(ReceiptDTO.self)
            XCTAssertNotNil(receipt.receipt.range(of: "^[A-Z2-9]{4}-[A-Z2-9]{4}$", options: .regularExpression))
            let stored = try await FeedbackResponse.find(receipt.id, on: app.db)
            XCTAssertEqual(stored?.recommendation, 9)
            XCTAssertEqual(stored?.channel, "kiosk")
            XCTAssertEqual(stored?.language, "sv")
            XCTAssertEqual(stored?.respondent, "relative")
            XCTAssertEqual(stored?.unitID, world.units["A1"]?.id, "the unit is the target's unit at the time of answering")
            let values = StatementValues.decode(stored?.statements, statementIDs: app.kaiku.nationalSurvey.statements.map(\.id))
            XCTAssertEqual(values, ["felt_safe": 4, "smooth_access": 0], "null is stored as cannot say")
        }
    }

    func testRetriedSubmissionWithSameIdempotencyKeyReturnsFirstResultAndStoresOnce() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            let body: [String: Any] = ["target": "t-a1", "channel": "web", "language": "fi", "answers": ["nps": 7]]
            let first = try await post(app, body, key: "retry-1")
            let second = try await post(app, body, key: "retry-1")
            XCTAssertEqual(first.status, .created)
            XCTAssertEqual(second.status, .created)
            XCTAssertEqual(try first.json(ReceiptDTO.self).id, try second.json(ReceiptDTO.self).id)
            XCTAssertEqual(second.headers.first(name: "Idempotent-Replayed"), "true")
            let count = try await storedCount(app)
            XCTAssertEqual(count, 1)
        }
    }

    func testConcurrentRetriesWithSameKeyAreStoredOnce() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            let body = #"{"target": "t-a2", "channel": "kiosk", "language": "fi", "answers": {"nps": 10}}"#
            let ids = try await withThrowingTaskGroup(of: UUID.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        try await app.send(.POST, "/api/v1/responses", headers: ["Content-Type": "application/json", "Idempotency-Key": "kiosk-offline-42"], body: body)
                            .json(ReceiptDTO.self).id
                    }
                }
                return try await group.reduce(into: Set<UUID>()) { $0.insert($1) }
            }
            XCTAssertEqual(ids.count, 1)
            let count = try await storedCount(app)
            XCTAssertEqual(count, 1)
        }
    }

    func testReusedIdempotencyKeyWithDifferentBodyIsRefused() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            _ = try await post(app, ["target": "t-a1", "channel": "web", "language": "fi", "answers": ["nps": 7]], key: "k")
            let response = try await post(app, ["target": "t-a1", "channel": "web", "language": "fi", "answers": ["nps": 2]], key: "k")
            XCTAssertEqual(response.status, .unprocessableEntity)
            XCTAssertEqual(response.object["field"] as? String, "Idempotency-Key")
            let count = try await storedCount(app)
            XCTAssertEqual(count, 1)
        }
    }

    func testEveryInvalidInputGets400NamingTheFieldAndStoresNothing() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            let valid: [String: Any] = ["target": "t-a1", "channel": "web", "language": "fi", "answers": ["nps": 5]]
            let cases: [(String, [String: Any], String)] = [
                ("unknown target", ["target": "no-such-place"], "target"),
                ("missing target", ["target": NSNull()], "target"),
                ("NUL in target", ["target": "t-a1\u{0}"], "target"),
                ("nps above 10", ["answers": ["nps": 11]], "answers.nps"),
                ("nps below 0", ["answers": ["nps": -1]], "answers.nps"),
                ("nps fraction", ["answers": ["nps": 9.5]], "answers.nps"),
                ("statement above 5", ["answers": ["nps": 5, "felt_safe": 6]], "answers.felt_safe"),
                ("statement 0", ["answers": ["nps": 5, "felt_safe": 0]], "answers.felt_safe"),
                ("unknown question", ["answers": ["nps": 5, "favourite_colour": 3]], "answers.favourite_colour"),
                ("unknown language", ["language": "de"], "language"),
                ("unknown channel", ["channel": "fax"], "channel"),
                ("open text too long", ["openText": String(repeating: "a", count: 4_001)], "openText"),
                ("control character", ["openText": "hei\u{7}"], "openText"),
                ("unknown respondent", ["respondent": "neighbour"], "respondent"),
                ("bad answeredAt", ["answeredAt": "yesterday"], "answeredAt"),
                ("future answeredAt", ["answeredAt": "2999-01-01T00:00:00Z"], "answeredAt"),
                ("answer wanted without contact", ["wantsAnswer": true], "contact"),
                ("bad e-mail", ["contact": ["email": "not-an-address"]], "contact.email"),
                ("answers not an object", ["answers": [1, 2]], "answers"),
                ("empty answers", ["answers": [String: Int]()], "answers"),
            ]
            for (name, change, field) in cases {
                var body = valid
                body.merge(change) { $1 }
                if change["target"] is NSNull { body["target"] = nil }
                let response = try await post(app, body)
                XCTAssertEqual(response.status, .badRequest, "\(name): \(response.text)")
                XCTAssertEqual(response.object["field"] as? String, field, name)
                XCTAssertFalse((response.object["error"] as? String ?? "").isEmpty, name)
            }
            let count = try await storedCount(app)
            XCTAssertEqual(count, 0, "nothing partial is stored")
        }
    }

    func testMalformedJSONGets400() async throws {
        try await withApp { app in
            let response = try await app.send(.POST, "/api/v1/responses", headers: ["Content-Type": "application/json"], body: "{\"target\": ")
            XCTAssertEqual(response.status, .badRequest)
            XCTAssertNotNil(response.object["error"])
        }
    }

    func testBodyOver64KiBGets413() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            let tester = try app.testable(method: .running(port: 0))
            let body: [String: Any] = ["target": "t-a1", "channel": "web", "language": "fi", "answers": ["nps": 5],
                                       "openText": String(repeating: "x", count: 70_000)]
            let data = try JSONSerialization.data(withJSONObject: body)
            let response = try await tester.sendRequest(.POST, "/api/v1/responses", headers: ["Content-Type": "application/json"], body: ByteBuffer(data: data))
            XCTAssertEqual(response.status, .payloadTooLarge)
            let count = try await storedCount(app)
            XCTAssertEqual(count, 0)
        }
    }

    func testOpenTextIsMaskedBeforeItIsStored() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            let receipt = try await TestWorld.submit(app, target: "t-a1", nps: 3, extra: [
                "openText": "Soittakaa 040 123 4567 tai maija@example.fi, hetu 131052-308T",
            ])
            let stored = try await FeedbackResponse.find(receipt.id, on: app.db)
            let text = try XCTUnwrap(stored?.openText)
            XCTAssertFalse(text.contains("040 123 4567"))
            XCTAssertFalse(text.contains("maija@example.fi"))
            XCTAssertFalse(text.contains("131052-308T"))
            XCTAssertTrue(text.contains("[PHONE]") && text.contains("[EMAIL]") && text.contains("[HETU]"), text)
        }
    }

    func testContactDetailsAreKeptApartFromTheAnswer() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            let receipt = try await TestWorld.submit(app, target: "t-b1", nps: 2, extra: [
                "contact": ["name": "Maija", "email": "maija@example.fi"], "wantsAnswer": true,
            ])
            let stored = try await FeedbackResponse.find(receipt.id, on: app.db)
            XCTAssertEqual(stored?.wantsAnswer, true)
            let contact = try await ResponseContact.query(on: app.db).filter(\.$responseID == receipt.id).first()
            let cipher = app.kaiku.cipher
            XCTAssertEqual(try cipher.open(contact?.email), "maija@example.fi")
            XCTAssertEqual(try cipher.open(contact?.name), "Maija")
        }
    }
}
