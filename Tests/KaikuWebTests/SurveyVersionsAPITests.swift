import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// The organisation's own questions after the national core: published as
/// versions, served to forms and kiosks, answered, and reported by id
/// across versions.
final class SurveyVersionsAPITests: XCTestCase {
    private static func texts(_ fi: String) -> [String: Any] { ["fi": fi, "sv": fi + " (sv)", "en": fi + " (en)"] }

    private static func statement(_ id: String) -> [String: Any] { ["id": id, "type": "scale1to5", "text": texts("Väite \(id)")] }

    private static func choice(_ id: String) -> [String: Any] {
        ["id": id, "type": "choice", "text": texts("Valinta \(id)"),
         "options": [["id": "first", "text": texts("Ensimmäinen")], ["id": "again", "text": texts("Uudestaan")]]]
    }

    private static func open(_ id: String) -> [String: Any] { ["id": id, "type": "text", "text": texts("Kerro \(id)")] }

    private func publish(_ app: Application, _ token: String, _ questions: [[String: Any]]) async throws -> XCTHTTPResponse {
        try await app.send(.POST, "/api/v1/survey/versions", json: RawJSON(["questions": questions]), token: token)
    }

    private func statements(_ body: [String: Any]) -> [String: Int] {
        let list = body["statements"] as? [[String: Any]] ?? []
        return Dictionary(list.compactMap { item in (item["id"] as? String).map { ($0, item["n"] as? Int ?? -1) } }, uniquingKeysWith: { a, _ in a })
    }

    func testAPublishedVersionIsServedAnsweredAndReportedByIdAcrossVersions() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app, minimumN: 1)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT", email: "admin@survey.example")
            let analyst = try await world.signIn(app, role: .analyst, unit: "ROOT")

            let first = try await publish(app, admin, [Self.statement("parking"), Self.choice("visit_kind"), Self.open("improve")])
            XCTAssertEqual(first.status, .created, first.text)
            XCTAssertEqual(first.object["version"] as? Int, 2)

            let survey = try await app.send(.GET, "/api/v1/survey", token: analyst).object
            XCTAssertEqual(survey["version"] as? Int, 2)
            let questions = try XCTUnwrap(survey["questions"] as? [[String: Any]])
            XCTAssertEqual(questions.filter { $0["core"] as? Bool == false }.map { $0["id"] as? String }, ["parking", "visit_kind", "improve"])
            XCTAssertEqual(questions.first { $0["id"] as? String == "felt_safe" }?["core"] as? Bool, true)
            XCTAssertEqual((questions.first { $0["id"] as? String == "visit_kind" }?["options"] as? [[String: Any]])?.map { $0["id"] as? String },
                           ["first", "again"])

            let served = try await app.send(.GET, "/api/v1/targets/t-a1/survey?lang=sv").object
            let servedQuestions = try XCTUnwrap(served["questions"] as? [[String: Any]])
            XCTAssertEqual(served["version"] as? Int, 2)
            let visitKind = try XCTUnwrap(servedQuestions.first { $0["id"] as? String == "visit_kind" })
            XCTAssertEqual(visitKind["text"] as? String, "Valinta visit_kind (sv)")
            XCTAssertEqual((visitKind["options"] as? [[String: Any]])?.first?["text"] as? String, "Ensimmäinen (sv)")
            XCTAssertEqual(Array(servedQuestions.compactMap { $0["id"] as? String }.suffix(7)),
                           ["parking", "visit_kind", "improve", "openText", "respondent", "ageGroup", "serviceMode"],
                           "own questions come after the core statements and before the open text and background questions")

            // Answered at once: the cached target sees the new version.
            var receipts: [ReceiptDTO] = []
            for value in [5, 4, 3] {
                receipts.append(try await TestWorld.submit(app, target: "t-a1", nps: 9, statements: ["felt_safe": 4, "parking": value],
                                                           extra: ["answers": ["nps": 9, "felt_safe": 4, "parking": value, "visit_kind": "again",
                                                                               "improve": "Lisää pysäköintipaikkoja"]]))
            }
            let stored = try await FeedbackResponse.find(receipts[0].id, on: app.db)
            XCTAssertEqual(OwnAnswers.decode(stored?.ownAnswers), ["visit_kind": "again", "improve": "Lisää pysäköintipaikkoja"])
            let organisation = try await Organisation.find(world.organisation.id, on: app.db)
            let version2 = try await SurveyStore.current(for: try XCTUnwrap(organisation), on: app.db)
            let shown = try await app.send(.GET, "/api/v1/responses/\(receipts[0].id)", token: admin).object
            XCTAssertEqual(shown["ownAnswers"] as? [String: String], ["visit_kind": "again", "improve": "Lisää pysäköintipaikkoja"])
            XCTAssertEqual(stored?.surveyID, version2.id, "the answer keeps the version it was given on")

            let afterFirst = try await app.send(.GET, "/api/v1/reports/summary?unit=ROOT", token: analyst).object
            XCTAssertEqual(statements(afterFirst)["parking"], 3)

            let second = try await publish(app, admin, [Self.statement("waiting"), Self.choice("visit_kind")])
            XCTAssertEqual(second.status, .created, second.text)
            XCTAssertEqual(second.object["version"] as? Int, 3)
            for value in [2, 1] {
                try await TestWorld.submit(app, target: "t-b1", nps: 6, statements: ["waiting": value, "felt_safe": 3])
            }
            // A kiosk that queued an answer on version 2 still gets it stored; the dropped statement is left out.
            try await TestWorld.submit(app, target: "t-b1", nps: 7, statements: ["parking": 5])

            let whole = try await app.send(.GET, "/api/v1/reports/summary?unit=ROOT", token: analyst).object
            XCTAssertEqual(whole["n"] as? Int, 6)
            let figures = statements(whole)
            XCTAssertEqual(figures["parking"], 3, "a dropped statement shows for the period it was asked")
            XCTAssertEqual(figures["waiting"], 2, "a new statement shows from its first answers")
            XCTAssertEqual(figures["felt_safe"], 5)
            let ids = (whole["statements"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
            XCTAssertEqual(Array(ids.suffix(2)), ["waiting", "parking"], "the statements in force first, then those dropped")

            let byUnit = try await app.send(.GET, "/api/v1/reports/summary?unit=ROOT&groupBy=unit", token: analyst).object
            let groups = try XCTUnwrap(byUnit["groups"] as? [[String: Any]])
            XCTAssertEqual(statements(groups[0])["parking"], 3)
            XCTAssertNil(statements(groups[1])["parking"], "B never answered the dropped statement")
            XCTAssertEqual(statements(groups[1])["waiting"], 2)

            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "survey.publish").sort(\.$at).all()
            XCTAssertEqual(audit.map(\.subject), ["2", "3"])
            XCTAssertEqual(audit.first?.actor, "admin@survey.example")
            XCTAssertTrue(audit.last?.before?.contains("parking") ?? false)
            XCTAssertTrue(audit.last?.after?.contains("waiting") ?? false)
        }
    }

    func testAnOwnChoiceMustNameAnOptionAndTheNationalCoreAloneStaysAsItWas() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app, minimumN: 1)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let core = try await app.send(.GET, "/api/v1/survey", token: admin).object
            XCTAssertEqual(core["version"] as? Int, 1)
            XCTAssertTrue((core["questions"] as? [[String: Any]])?.allSatisfy { $0["core"] as? Bool == true } ?? false)

            _ = try await publish(app, admin, [Self.choice("visit_kind")])
            let refused = try await app.send(.POST, "/api/v1/responses", json: RawJSON([
                "target": "t-a1", "channel": "web", "language": "fi", "answers": ["nps": 8, "visit_kind": "never"]]))
            XCTAssertEqual(refused.status, .badRequest)
            XCTAssertEqual(refused.object["field"] as? String, "answers.visit_kind")
        }
    }

    func testRefusalsNameTheFieldAndChangeNothing() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            var missingSwedish = Self.choice("visit_kind")
            missingSwedish["options"] = [["id": "first", "text": Self.texts("Ensimmäinen")], ["id": "again", "text": ["fi": "Uudestaan", "en": "Again"]]]
            let cases: [([[String: Any]], String)] = [
                ([Self.statement("felt_safe")], "questions[0].id"),
                ([Self.statement("Parking!")], "questions[0].id"),
                ([Self.statement("parking"), Self.open("parking")], "questions[1].id"),
                ([Self.statement("parking"), missingSwedish], "questions[1].options[1].text.sv"),
                ([["id": "x", "type": "scale0to10", "text": Self.texts("x")]], "questions[0].type"),
                ([], "questions"),
            ]
            for (questions, field) in cases {
                let response = try await publish(app, admin, questions)
                XCTAssertEqual(response.status, .badRequest, field)
                XCTAssertEqual(response.object["field"] as? String, field, response.text)
                XCTAssertFalse((response.object["error"] as? String ?? "").isEmpty)
            }
            let notJSON = try await app.send(.POST, "/api/v1/survey/versions", json: RawJSON(["questions": "many"]), token: admin)
            XCTAssertEqual(notJSON.status, .badRequest)
            let survey = try await app.send(.GET, "/api/v1/survey", token: admin).object
            XCTAssertEqual(survey["version"] as? Int, 1, "nothing was published")
            let audits = try await AuditEntry.query(on: app.db).filter(\.$action == "survey.publish").count()
            XCTAssertEqual(audits, 0)
        }
    }

    func testOnlyAnAdministratorOfTheWholeOrganisationPublishes() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let handler = try await world.signIn(app, role: .handler, unit: "ROOT")
            let subtreeAdmin = try await world.signIn(app, role: .administrator, unit: "A")
            for token in [handler, subtreeAdmin] {
                let response = try await publish(app, token, [Self.statement("parking")])
                XCTAssertEqual(response.status, .forbidden, response.text)
            }
            let anonymous = try await app.send(.POST, "/api/v1/survey/versions", json: RawJSON(["questions": [Self.statement("parking")]]))
            XCTAssertEqual(anonymous.status, .unauthorized)
            let read = try await app.send(.GET, "/api/v1/survey", token: handler)
            XCTAssertEqual(read.status, .ok, "every staff member reads the survey")
            let unsigned = try await app.send(.GET, "/api/v1/survey")
            XCTAssertEqual(unsigned.status, .unauthorized)
        }
    }

    func testAnotherOrganisationKeepsItsOwnSurvey() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            _ = try await publish(app, admin, [Self.statement("parking")])
            let other = try await app.send(.GET, "/api/v1/targets/t-x/survey").object
            XCTAssertEqual(other["version"] as? Int, 1)
            XCTAssertFalse((other["questions"] as? [[String: Any]])?.contains { $0["id"] as? String == "parking" } ?? true)
        }
    }
}
