import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

final class ExportTests: XCTestCase {
    private let zone = TimeZone(identifier: "Europe/Helsinki")!
    private let contact = ["name": "Maija Meikäläinen", "email": "maija.private@example.org", "phone": "+358 40 111 2233"]
    private let openText = "Soittakaa 040 123 4567 tai maija.meikalainen@example.com, hetu 131052-308T. Hyvä, \"nopea\"\npalvelu"

    private struct Seeded {
        var world: TestWorld
        var full: ReceiptDTO
        var formula: ReceiptDTO
        var outsideSubtree: ReceiptDTO
        var outsidePeriod: ReceiptDTO
        var otherOrganisation: ReceiptDTO
        var period: String
    }

    /// In A's subtree within the last 30 days: a full answer with contact details and
    /// identifying open text (A1) and one whose open text is a formula (A2). Left out:
    /// B1's answer, one 40 days old, and another organisation's.
    private func seed(_ app: Application) async throws -> Seeded {
        let world = try await TestWorld.make(on: app)
        let full = try await TestWorld.submit(app, target: "t-a1", nps: 9, statements: ["felt_safe": 5, "smooth_access": nil], channel: "kiosk",
                                              extra: ["openText": openText, "respondent": "relative", "contact": contact, "wantsAnswer": true,
                                                      "answers": ["nps": 9, "felt_safe": 5, "smooth_access": NSNull(), "ageGroup": "30-49"] as [String: Any]])
        let formula = try await TestWorld.submit(app, target: "t-a2", nps: 3, language: "sv", extra: ["openText": "=HYPERLINK(\"http://x.example\",\"x\")"])
        let outsideSubtree = try await TestWorld.submit(app, target: "t-b1", nps: 10)
        let old = ISO8601.string(Date().addingTimeInterval(-40 * 86_400))
        let outsidePeriod = try await TestWorld.submit(app, target: "t-a1", nps: 8, extra: ["answeredAt": old])
        let otherOrganisation = try await TestWorld.submit(app, target: "t-x", nps: 1)
        let today = CalendarDay(date: Date(), timeZone: zone)
        return Seeded(world: world, full: full, formula: formula, outsideSubtree: outsideSubtree, outsidePeriod: outsidePeriod,
                      otherOrganisation: otherOrganisation, period: "from=\(today.adding(days: -30))&to=\(today)")
    }

    func testCSVHoldsTheSubtreesAnswersOfThePeriodWithTheirValues() async throws {
        try await withApp { app in
            let seeded = try await seed(app)
            let token = try await seeded.world.signIn(app, role: .analyst, unit: "ROOT")

            let response = try await app.send(.GET, "/api/v1/exports/answers.csv?unit=A&\(seeded.period)", token: token)

            XCTAssertEqual(response.status, .ok, response.text)
            XCTAssertEqual(response.headers.first(name: .contentType), "text/csv; charset=utf-8")
            let table = try CSVTable(response.text)
            XCTAssertTrue(table.hadByteOrderMark)
            XCTAssertEqual(Array(table.header.prefix(12)), ["response_id", "answered_at", "local_day", "organisation", "unit", "target",
                                                            "channel", "language", "respondent", "age_group", "service_mode", "nps"])
            XCTAssertEqual(Array(table.header.suffix(3)), ["themes", "sentiment", "open_text"])
            XCTAssertEqual(Set(table.objects.map { $0["response_id"]! }), [seeded.full.id.uuidString, seeded.formula.id.uuidString])
            let row = try XCTUnwrap(table.objects.first { $0["response_id"] == seeded.full.id.uuidString })
            XCTAssertEqual(row["unit"], "A1")
            XCTAssertEqual(row["target"], "t-a1")
            XCTAssertEqual(row["organisation"], "test-county")
            XCTAssertEqual(row["channel"], "kiosk")
            XCTAssertEqual(row["language"], "fi")
            XCTAssertEqual(row["respondent"], "relative")
            XCTAssertEqual(row["age_group"], "30-49")
            XCTAssertEqual(row["nps"], "9")
            XCTAssertEqual(row["felt_safe"], "5")
            XCTAssertEqual(row["smooth_access"], "cannot_say")
            XCTAssertEqual(row["decided_together"], "", "unanswered is empty")
            XCTAssertEqual(row["local_day"], CalendarDay(date: Date(), timeZone: zone).description)
            XCTAssertTrue(row["answered_at"]!.hasSuffix("+02:00") || row["answered_at"]!.hasSuffix("+03:00"), row["answered_at"]!)
        }
    }

    func testOpenTextIsMaskedAsStaffSeeItAndContactDetailsNeverAppear() async throws {
        try await withApp { app in
            let seeded = try await seed(app)
            let token = try await seeded.world.signIn(app, role: .supervisor, unit: "A")
            let shown = try await app.send(.GET, "/api/v1/responses/\(seeded.full.id)", token: token).object["openText"] as? String

            let csv = try await app.send(.GET, "/api/v1/exports/answers.csv?\(seeded.period)", token: token)
            let json = try await app.send(.GET, "/api/v1/exports/answers.json?\(seeded.period)", token: token)

            let row = try XCTUnwrap(try CSVTable(csv.text).objects.first { $0["response_id"] == seeded.full.id.uuidString })
            XCTAssertEqual(row["open_text"], shown)
            for body in [csv.text, json.text] {
                for secret in ["131052-308T", "040 123 4567", "maija.meikalainen@example.com", seeded.full.receipt]
                    + Array(contact.values) {
                    XCTAssertFalse(body.contains(secret), "\(secret) leaked")
                }
            }
            let objects = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? [[String: Any]])
            let object = try XCTUnwrap(objects.first { $0["id"] as? String == seeded.full.id.uuidString })
            XCTAssertEqual(object["openText"] as? String, shown)
            XCTAssertEqual(object["nps"] as? Int, 9)
            let answers = try XCTUnwrap(object["answers"] as? [String: Any])
            XCTAssertEqual(answers["felt_safe"] as? Int, 5)
            XCTAssertTrue(answers["smooth_access"] is NSNull)
            XCTAssertNil(answers["decided_together"])
            XCTAssertNil(object["receipt"])
        }
    }

    func testFormulaInOpenTextIsDefused() async throws {
        try await withApp { app in
            let seeded = try await seed(app)
            let token = try await seeded.world.signIn(app, role: .administrator, unit: "ROOT")

            let response = try await app.send(.GET, "/api/v1/exports/answers.csv?unit=A2&\(seeded.period)", token: token)

            let rows = try CSVTable(response.text).objects
            XCTAssertEqual(rows.map { $0["open_text"] }, ["'=HYPERLINK(\"http://x.example\",\"x\")"])
        }
    }

    func testEveryExportIsInTheAccessLog() async throws {
        try await withApp { app in
            let seeded = try await seed(app)
            let token = try await seeded.world.signIn(app, role: .supervisor, unit: "A")

            _ = try await app.send(.GET, "/api/v1/exports/answers.json?unit=A1&\(seeded.period)", token: token)

            let entries = try await AccessLogEntry.query(on: app.db).all()
            XCTAssertEqual(entries.count, 1)
            XCTAssertTrue(entries[0].action.hasPrefix("export.answers json A1 "), entries[0].action)
            XCTAssertEqual(entries[0].organisationID, seeded.world.organisation.id)
        }
    }
}
