import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

final class NationalExportTests: XCTestCase {
    /// The organisation asks its own statement after the national core.
    private func extendSurvey(_ app: Application, _ world: TestWorld) async throws {
        let own = Question(id: "parking_ok", type: .scale1to5, text: LocalizedText(fi: "Pysäköinti", sv: "Parkering", en: "Parking"))
        let survey = try Survey(organisationID: world.organisation.id, definition: try app.kaiku.nationalSurvey.extended(with: [own], version: 2))
        try await survey.create(on: app.db)
        world.organisation.surveyID = survey.id
        try await world.organisation.update(on: app.db)
    }

    func testHasExactlyTheNationalCoreAndNoOpenText() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await extendSurvey(app, world)
            let answer = try await TestWorld.submit(app, target: "t-b1", nps: 7, statements: ["felt_safe": 4, "parking_ok": 2], channel: "paper",
                                                    language: "sv", extra: ["openText": "Bra service, ring 040 765 4321", "respondent": "self",
                                                                            "contact": ["email": "kund@example.org"], "wantsAnswer": true])
            try await TestWorld.submit(app, target: "t-x", nps: 0)
            let token = try await world.signIn(app, role: .analyst, unit: "ROOT")

            let csv = try await app.send(.GET, "/api/v1/exports/national.csv", token: token)
            let json = try await app.send(.GET, "/api/v1/exports/national.json", token: token)

            let table = try CSVTable(csv.text)
            let national = app.kaiku.nationalSurvey.statements.map(\.id)
            XCTAssertEqual(table.header, ["response_id", "answered_at", "local_day", "organisation", "unit", "channel", "language",
                                          "respondent", "age_group", "service_mode", "nps"] + national)
            XCTAssertEqual(table.rows.count, 1, "another organisation's answer is not exported")
            let row = try XCTUnwrap(table.objects.first)
            XCTAssertEqual(row["response_id"], answer.id.uuidString)
            XCTAssertEqual(row["unit"], "B1")
            XCTAssertEqual(row["channel"], "paper")
            XCTAssertEqual(row["language"], "sv")
            XCTAssertEqual(row["respondent"], "self")
            XCTAssertEqual(row["nps"], "7")
            XCTAssertEqual(row["felt_safe"], "4")
            for body in [csv.text, json.text] {
                for leaked in ["Bra service", "[PHONE]", "kund@example.org", "parking_ok", "t-b1", answer.receipt, "openText", "themes"] {
                    XCTAssertFalse(body.contains(leaked), "\(leaked) in the national export")
                }
            }
            let objects = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? [[String: Any]])
            XCTAssertEqual(Set(objects[0].keys), ["id", "answeredAt", "localDay", "organisation", "unit", "channel", "language",
                                                  "respondent", "ageGroup", "serviceMode", "nps", "answers"])
            XCTAssertEqual(objects[0]["answers"] as? [String: Int], ["felt_safe": 4])
        }
    }

    func testTheAnswersExportKeepsTheOrganisationsOwnStatements() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await extendSurvey(app, world)
            try await TestWorld.submit(app, target: "t-b1", nps: 7, statements: ["parking_ok": 2])
            let token = try await world.signIn(app, role: .analyst, unit: "ROOT")

            let csv = try await app.send(.GET, "/api/v1/exports/answers.csv?bom=false", token: token)

            let table = try CSVTable(csv.text)
            XCTAssertFalse(table.hadByteOrderMark)
            XCTAssertEqual(table.objects.first?["parking_ok"], "2")
        }
    }
}
