import FluentKit
import XCTVapor
import KaikuStore
@testable import KaikuWeb

/// An administrator of a part of the tree manages that part, never what
/// applies to every unit of the organisation.
final class SubtreeAdministratorTests: XCTestCase {
    func testASubtreeAdministratorCannotChangeWhatAppliesToTheWholeOrganisation() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let root = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let subtree = try await world.signIn(app, role: .administrator, unit: "A")
            let template = try await app.send(.POST, "/api/v1/reply-templates", json: ["name": "Kiitos", "language": "fi", "subject": "Kiitos", "body": "Kiitos!"], token: root)
            let templateID = try XCTUnwrap(try template.json(ReplyTemplatesController.TemplateDTO.self).id)

            let referral = try await app.send(.PUT, "/api/v1/referral-texts", json: ["kind": "complaint", "language": "fi", "text": "Soita meille.", "url": "https://evil.example"], token: subtree)
            let created = try await app.send(.POST, "/api/v1/reply-templates", json: ["name": "X", "language": "fi", "subject": "S", "body": "B"], token: subtree)
            let deleted = try await app.send(.DELETE, "/api/v1/reply-templates/\(templateID)", token: subtree)
            let patched = try await app.send(.PATCH, "/api/v1/organisation", json: ["promiseDays": 90], token: subtree)

            for (name, response) in [("referral", referral), ("template", created), ("delete", deleted), ("organisation", patched)] {
                XCTAssertEqual(response.status, .forbidden, name)
                XCTAssertTrue(response.text.contains("whole organisation"), "\(name): \(response.text)")
            }
            let texts = try await app.send(.GET, "/api/v1/referral-texts", token: root).json([ReplyTemplatesController.ReferralDTO].self)
            XCTAssertTrue(texts.isEmpty)
            let templates = try await app.send(.GET, "/api/v1/reply-templates", token: root).json([ReplyTemplatesController.TemplateDTO].self)
            XCTAssertEqual(templates.map(\.name), ["Kiitos"])
            let stillRoot = try await app.send(.PUT, "/api/v1/referral-texts", json: ["kind": "complaint", "language": "fi", "text": "Tee muistutus."], token: root)
            XCTAssertEqual(stillRoot.status, .ok)
        }
    }

    func testASubtreeAdministratorReadsOnlyTheAccessLogOfTheirSubtree() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let inA = try await TestWorld.submit(app, target: "t-a1", nps: 2, extra: ["contact": ["email": "a@example.fi"], "wantsAnswer": true])
            let inB = try await TestWorld.submit(app, target: "t-b1", nps: 2, extra: ["contact": ["email": "b@example.fi"], "wantsAnswer": true])
            let rootSupervisor = try await world.signIn(app, role: .supervisor, unit: "ROOT", email: "root-viewer@test.example")
            for receipt in [inA.receipt, inB.receipt] {
                let cases = try await app.send(.GET, "/api/v1/cases?receipt=\(receipt)", token: rootSupervisor).json([CaseSummaryDTO].self)
                let result1 = try await app.send(.GET, "/api/v1/cases/\(try XCTUnwrap(cases.first?.id))", token: rootSupervisor)
                XCTAssertEqual(result1.status, .ok)
            }
            let bAnalyst = try await world.signIn(app, role: .analyst, unit: "B", email: "b-analyst@test.example")
            let result2 = try await app.send(.GET, "/api/v1/exports/answers.csv?unit=B", token: bAnalyst)
            XCTAssertEqual(result2.status, .ok)
            let subtree = try await world.signIn(app, role: .administrator, unit: "A")
            let root = try await world.signIn(app, role: .administrator, unit: "ROOT")

            let seen = try await app.send(.GET, "/api/v1/access-log", token: subtree).json([AccessLogController.EntryDTO].self)
            let all = try await app.send(.GET, "/api/v1/access-log", token: root).json([AccessLogController.EntryDTO].self)

            XCTAssertEqual(seen.map(\.caseReceipt), [inA.receipt], "only the case in A; B's case and B's export are not A's business")
            XCTAssertEqual(Set(all.compactMap(\.caseReceipt)), [inA.receipt, inB.receipt])
            XCTAssertTrue(all.contains { $0.user == "b-analyst@test.example" })
        }
    }
}
