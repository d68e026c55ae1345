import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// No public word without a look first: open text reaches the anonymous
/// Open311 list only once a handler has approved it, possibly edited, on
/// `/staff/review`, on the case page or through the API.
final class PublicReviewTests: XCTestCase {
    private let comment = "Lääkäri Virtanen sanoi, että poikani Eetu (5 v) on masentunut. Asumme Kuusikuja 3:ssa, soita 040 123 4567."

    private func publicIDs(_ app: Application) async throws -> [String] {
        let response = try await app.send(.GET, "/open311/v2/requests.json")
        XCTAssertEqual(response.status, .ok, response.text)
        return (try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [[String: Any]] ?? [])
            .compactMap { $0["service_request_id"] as? String }
    }

    private func publicDescription(_ app: Application, _ id: UUID) async throws -> String? {
        let response = try await app.send(.GET, "/open311/v2/requests/\(id.uuidString.lowercased()).json")
        guard response.status == .ok else { return nil }
        return (try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [[String: Any]])?.first?["description"] as? String
    }

    func testOpenTextIsNotPublicUntilAHandlerApprovesIt() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let handler = try await world.signIn(app, role: .handler, unit: "A")
            let id = try await TestWorld.submit(app, target: "t-a1", nps: 3, extra: ["openText": comment]).id

            let before = try await publicIDs(app)
            let single = try await app.send(.GET, "/open311/v2/requests/\(id.uuidString.lowercased()).json")
            let stored = try await app.send(.GET, "/api/v1/responses/\(id.uuidString)", token: handler)

            XCTAssertEqual(before, [], "an answer nobody has read is not public")
            XCTAssertEqual(single.status, .notFound)
            XCTAssertEqual(stored.object["review"] as? String, "waiting")
            XCTAssertEqual(stored.object["public"] as? Bool, false)

            let published = try await app.send(.PUT, "/api/v1/responses/\(id.uuidString)/public",
                                               json: ["public": true], token: handler)

            XCTAssertEqual(published.status, .ok, published.text)
            let after = try await publicIDs(app)
            XCTAssertEqual(after, [id.uuidString.lowercased()])
            let description = try await publicDescription(app, id)
            XCTAssertEqual(description, comment.replacingOccurrences(of: "040 123 4567", with: "[PHONE]"))
        }
    }

    func testTheHandlersEditedTextIsWhatGoesPublicMaskedAgain() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let handler = try await world.signIn(app, role: .handler, unit: "A1")
            let id = try await TestWorld.submit(app, target: "t-a1", nps: 3, extra: ["openText": comment]).id
            let edited = "Lääkäri sanoi, että lapseni voi huonosti. Soittakaa 050 765 4321."

            let published = try await app.send(.PUT, "/api/v1/responses/\(id.uuidString)/public",
                                               json: RawJSON(["public": true, "text": edited]), token: handler)

            XCTAssertEqual(published.status, .ok, published.text)
            XCTAssertEqual(published.object["text"] as? String, "Lääkäri sanoi, että lapseni voi huonosti. Soittakaa [PHONE].")
            let description = try await publicDescription(app, id)
            XCTAssertEqual(description, "Lääkäri sanoi, että lapseni voi huonosti. Soittakaa [PHONE].")
            let found = try await FeedbackResponse.find(id, on: app.db)
            let stored = try XCTUnwrap(found)
            XCTAssertEqual(stored.openText, comment.replacingOccurrences(of: "040 123 4567", with: "[PHONE]"), "staff keep the original")
            XCTAssertNotNil(stored.publishedAt)
            let reviewer = try await User.query(on: app.db).filter(\.$role == "handler").first()
            XCTAssertEqual(stored.publishedBy, reviewer?.id)
        }
    }

    func testWithdrawnTextLeavesThePublicListAndBadEditsChangeNothing() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let handler = try await world.signIn(app, role: .handler, unit: "A")
            let analyst = try await world.signIn(app, role: .analyst, unit: "ROOT")
            let outsider = try await world.signIn(app, role: .handler, unit: "B")
            let id = try await TestWorld.submit(app, target: "t-a1", nps: 3, extra: ["openText": comment]).id
            let noText = try await TestWorld.submit(app, target: "t-a1", nps: 9).id
            let path = "/api/v1/responses/\(id.uuidString)/public"
            _ = try await app.send(.PUT, path, json: ["public": true], token: handler)

            let empty = try await app.send(.PUT, path, json: RawJSON(["public": true, "text": "   "]), token: handler)
            let control = try await app.send(.PUT, path, json: RawJSON(["public": true, "text": "a\u{7}b"]), token: handler)
            let long = try await app.send(.PUT, path, json: RawJSON(["public": true, "text": String(repeating: "x", count: 4_001)]), token: handler)
            let wrongType = try await app.send(.PUT, path, json: RawJSON(["public": "yes"]), token: handler)
            let byAnalyst = try await app.send(.PUT, path, json: ["public": false], token: analyst)
            let byOutsider = try await app.send(.PUT, path, json: ["public": false], token: outsider)
            let nothingToPublish = try await app.send(.PUT, "/api/v1/responses/\(noText.uuidString)/public", json: ["public": true], token: handler)

            XCTAssertEqual([empty.status, control.status, long.status, wrongType.status], [.badRequest, .badRequest, .badRequest, .badRequest])
            XCTAssertEqual(empty.object["field"] as? String, "text")
            XCTAssertEqual(byAnalyst.status, .forbidden)
            XCTAssertEqual(byOutsider.status, .notFound)
            XCTAssertEqual(nothingToPublish.status, .conflict)
            let stillPublic = try await publicIDs(app)
            XCTAssertEqual(stillPublic, [id.uuidString.lowercased()], "refused requests change nothing")

            let withdrawn = try await app.send(.PUT, path, json: ["public": false], token: handler)

            XCTAssertEqual(withdrawn.status, .ok, withdrawn.text)
            let after = try await publicIDs(app)
            XCTAssertEqual(after, [])
            let shown = try await app.send(.GET, "/api/v1/responses/\(id.uuidString)", token: handler)
            XCTAssertEqual(shown.object["review"] as? String, "withdrawn")
        }
    }

    func testAnOrganisationMayPublishWithoutReview() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let subtreeAdmin = try await world.signIn(app, role: .administrator, unit: "A")
            let id = try await TestWorld.submit(app, target: "t-a1", nps: 3, extra: ["openText": "Kiitos hyvästä hoidosta"]).id
            let settings = try await app.send(.GET, "/api/v1/organisation", token: admin)
            XCTAssertEqual(settings.object["publishOpenText"] as? String, "afterReview", "review is the default")

            let refused = try await app.send(.PATCH, "/api/v1/organisation", json: ["publishOpenText": "immediately"], token: subtreeAdmin)
            let invalid = try await app.send(.PATCH, "/api/v1/organisation", json: ["publishOpenText": "sometimes"], token: admin)
            XCTAssertEqual(refused.status, .forbidden)
            XCTAssertEqual(invalid.status, .badRequest)
            XCTAssertEqual(invalid.object["field"] as? String, "publishOpenText")
            let stillHidden = try await publicIDs(app)
            XCTAssertEqual(stillHidden, [])

            let changed = try await app.send(.PATCH, "/api/v1/organisation", json: ["publishOpenText": "immediately"], token: admin)

            XCTAssertEqual(changed.status, .ok, changed.text)
            XCTAssertEqual(changed.object["publishOpenText"] as? String, "immediately")
            let listed = try await publicIDs(app)
            XCTAssertEqual(listed, [id.uuidString.lowercased()])
            _ = try await app.send(.PUT, "/api/v1/responses/\(id.uuidString)/public", json: ["public": false], token: admin)
            let afterWithdrawal = try await publicIDs(app)
            XCTAssertEqual(afterWithdrawal, [], "a withdrawn answer stays out even without review")
        }
    }

    func testTheReviewPageListsWaitingTextAndPublishesAnEdit() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await world.signIn(app, role: .handler, unit: "A", email: "reviewer@test.example")
            let mine = try await TestWorld.submit(app, target: "t-a1", nps: 3, extra: ["openText": comment]).id
            let elsewhere = try await TestWorld.submit(app, target: "t-b1", nps: 3, extra: ["openText": "Toisen yksikön kommentti"]).id
            let browser = StaffBrowser(app)
            try await browser.signIn(email: "reviewer@test.example")

            let page = try await browser.get("/staff/review")

            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("r-\(mine.uuidString)"), "the unit's waiting answer is listed")
            XCTAssertFalse(page.text.contains("r-\(elsewhere.uuidString)"), "another unit's answer is not")
            XCTAssertTrue(page.text.contains("Kuusikuja"), "the handler reads the whole masked text")
            XCTAssertTrue(page.text.contains("href=\"/staff/review\""), "the menu offers the page")

            let empty = try await browser.post("/staff/review/\(mine.uuidString)", form: ["decision": "publish", "text": " ", "back": "/staff/review"])
            XCTAssertEqual(empty.status, .badRequest)
            XCTAssertTrue(empty.text.contains("role=\"alert\""), empty.text)
            let stillHidden = try await publicIDs(app)
            XCTAssertEqual(stillHidden, [])

            try await browser.get("/staff/review")
            let done = try await browser.post("/staff/review/\(mine.uuidString)",
                                              form: ["decision": "publish", "text": "Lääkäri sanoi, että lapseni voi huonosti.", "back": "https://evil.example/"])

            XCTAssertEqual(done.status, .seeOther)
            XCTAssertEqual(done.headers.first(name: .location), "/staff/review?done=published#notice", "only a local page to return to")
            let description = try await publicDescription(app, mine)
            XCTAssertEqual(description, "Lääkäri sanoi, että lapseni voi huonosti.")
            let after = try await browser.get("/staff/review?done=published")
            XCTAssertFalse(after.text.contains("r-\(mine.uuidString)"), "a decided answer no longer waits")
            XCTAssertTrue(after.text.contains("id=\"notice\""))
        }
    }

    func testTheCasePageCarriesTheSameReviewStep() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await world.signIn(app, role: .handler, unit: "A1", email: "case-handler@test.example")
            let receipt = try await TestWorld.submit(app, target: "t-a1", nps: 2, extra: [
                "openText": comment, "wantsAnswer": true, "contact": ["email": "asiakas@example.org"],
            ])
            let found = try await FeedbackCase.query(on: app.db).filter(\.$receipt == receipt.receipt).first()
            let caseID = try XCTUnwrap(found?.id)
            let browser = StaffBrowser(app)
            try await browser.signIn(email: "case-handler@test.example")

            let page = try await browser.get("/staff/cases/\(caseID.uuidString)")
            XCTAssertTrue(page.text.contains("id=\"public-state\""), page.text)
            XCTAssertTrue(page.text.contains(">Julkaise<"), "a waiting text is offered for publishing")
            try await browser.post("/staff/review/\(receipt.id.uuidString)",
                                   form: ["decision": "publish", "back": "/staff/cases/\(caseID.uuidString)"])
            let published = try await browser.get("/staff/cases/\(caseID.uuidString)")
            XCTAssertTrue(published.text.contains("Päivitä julkinen teksti"), "a published text is offered for updating")
            let withdrawn = try await browser.post("/staff/review/\(receipt.id.uuidString)",
                                                   form: ["decision": "withdraw", "back": "/staff/cases/\(caseID.uuidString)"])

            XCTAssertEqual(withdrawn.status, .seeOther)
            XCTAssertEqual(withdrawn.headers.first(name: .location), "/staff/cases/\(caseID.uuidString)?done=withdrawn#notice")
            let stored = try await FeedbackResponse.find(receipt.id, on: app.db)
            XCTAssertEqual(stored?.hiddenFromPublic, true)
            let again = try await browser.get("/staff/cases/\(caseID.uuidString)?done=withdrawn")
            XCTAssertTrue(again.text.contains("id=\"notice\""))
        }
    }

    func testAnalystsCannotOpenTheReviewPage() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await world.signIn(app, role: .analyst, unit: "ROOT", email: "analyst@test.example")
            let browser = StaffBrowser(app)
            try await browser.signIn(email: "analyst@test.example")

            let page = try await browser.get("/staff/review")
            let inbox = try await browser.get("/staff")

            XCTAssertEqual(page.status, .forbidden)
            XCTAssertFalse(inbox.text.contains("href=\"/staff/review\""), "the menu offers only what the role may open")
        }
    }
}
