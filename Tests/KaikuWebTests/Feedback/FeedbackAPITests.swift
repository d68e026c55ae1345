import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// `GET /api/v1/feedback` and `.csv`: what customers wrote in one's units,
/// newest first, masked, filtered; another unit's or organisation's
/// answers never appear.
final class FeedbackAPITests: XCTestCase {
    func testTheFeedListsTheTextAnswersOfOnesUnitsNewestFirst() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            let feed = FeedFixture(app: app, clock: clock)
            let a1 = try await feed.answer("Hyvä hoito, soita 040 123 4567", target: "t-a1", nps: nil, themes: ["thanks"], sentiment: .positive)
            let a2 = try await feed.answer("Odotin kauan", target: "t-a2", nps: 3)
            let b1 = try await feed.answer("Päivystys oli ok", target: "t-b1")
            try await TestWorld.submit(app, target: "t-a1", nps: 9)
            try await TestWorld.submit(app, target: "t-x", nps: 2, extra: ["openText": "Toisen kunnan palaute"])
            let root = try await world.signIn(app, role: .supervisor, unit: "ROOT")
            let handlerA = try await world.signIn(app, role: .handler, unit: "A")
            let analystB = try await world.signIn(app, role: .analyst, unit: "B1")

            let all = try await feed.ids("", token: root)
            let ofA = try await feed.ids("", token: handlerA)
            let ofB1 = try await feed.ids("", token: analystB)
            let raw = try await app.send(.GET, "/api/v1/feedback?limit=1&offset=2", token: root)

            XCTAssertEqual(all, [b1, a2, a1], "newest first, answers without text and the other organisation's left out")
            XCTAssertEqual(ofA, [a2, a1])
            XCTAssertEqual(ofB1, [b1])
            let items = try JSONSerialization.jsonObject(with: Data(buffer: raw.body)) as? [[String: Any]] ?? []
            XCTAssertEqual(items.count, 1)
            let item = try XCTUnwrap(items.first)
            XCTAssertEqual(Set(item.keys), ["id", "receivedAt", "target", "unit", "channel", "language", "nps", "openText", "themes",
                                            "sentiment", "read", "flagged", "public"])
            XCTAssertTrue(item["nps"] is NSNull, "an unanswered score is null")
            XCTAssertEqual(item["target"] as? String, "t-a1")
            XCTAssertEqual(item["unit"] as? String, "A1")
            XCTAssertEqual(item["openText"] as? String, "Hyvä hoito, soita [PHONE]", "masked as stored")
            XCTAssertEqual(item["themes"] as? [String], ["thanks"])
            XCTAssertEqual(item["sentiment"] as? String, "positive")
            XCTAssertEqual(item["read"] as? Bool, false)
            XCTAssertEqual(item["public"] as? Bool, false, "not public before a handler's review")
            let received = try XCTUnwrap(item["receivedAt"] as? String)
            XCTAssertNotNil(ISO8601DateFormatter().date(from: received), received)
        }
    }

    func testEachFilterKeepsItsMatchesAndLeavesTheRestOut() async throws {
        // Mid-morning in Helsinki, so that the answers a few minutes apart share their day.
        let clock = TestClock(Date(timeIntervalSince1970: 1_781_503_200))
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            let feed = FeedFixture(app: app, clock: clock)
            let old = try await feed.answer("Vanha kommentti", target: "t-a1", nps: 10, channel: "kiosk", language: "sv",
                                            themes: ["thanks", "access-quality-care"], sentiment: .positive)
            clock.advance(by: 3 * 86_400)
            let new = try await feed.answer("Uusi: 100% huono_kokemus ÄITI", target: "t-a2", nps: 5, channel: "web", language: "fi",
                                            themes: ["signage-premises"], sentiment: .negative)
            let passive = try await feed.answer("Keskinkertainen", target: "t-a2b", nps: 7, channel: "sms", language: "en", sentiment: .mixed)
            let token = try await world.signIn(app, role: .supervisor, unit: "ROOT", email: "root@test.example")
            let zone = world.organisation.timeZone
            let oldDay = CalendarDay(date: clock.wall.now.addingTimeInterval(-3 * 86_400 - 120), timeZone: zone)
            let today = CalendarDay(date: clock.wall.now, timeZone: zone)
            let flagged = try await FeedbackResponse.find(passive, on: app.db)
            try await FeedbackFeed.setFlag(true, on: try XCTUnwrap(flagged), by: UUID(), at: clock.wall.now, database: app.db)
            let me = try await UserFixtures.id(app, "root@test.example")
            try await FeedbackFeed.setRead(true, responseID: new, userID: me, at: clock.wall.now, on: app.db)

            let cases: [(String, Set<UUID>)] = [
                ("unit=A1", [old]), ("unit=A2", [new, passive]), ("unit=B", []),
                ("from=\(today)", [new, passive]), ("to=\(oldDay)", [old]), ("from=\(oldDay)&to=\(oldDay)", [old]),
                ("target=t-a2b", [passive]), ("target=t-a1", [old]),
                ("channel=kiosk", [old]), ("channel=sms", [passive]), ("channel=paper", []),
                ("language=sv", [old]), ("language=en", [passive]),
                ("theme=thanks", [old]), ("theme=access-quality-care", [old]), ("theme=signage-premises", [new]), ("theme=electronic-services", []),
                ("sentiment=positive", [old]), ("sentiment=mixed", [passive]), ("sentiment=neutral", []),
                ("score=promoter", [old]), ("score=passive", [passive]), ("score=detractor", [new]),
                ("read=true", [new]), ("read=false", [old, passive]),
                ("flagged=true", [passive]), ("flagged=false", [old, new]),
                ("q=kommentti", [old]), ("q=KOMMENTTI", [old]), ("q=äiti", [new]), ("q=100%25", [new]), ("q=%25", [new]),
                ("q=huono_", [new]), ("q=o_k", [new]), ("q=a_k", []), ("q=nothing-like-this", []),
                ("unit=A&theme=signage-premises&score=detractor&read=true", [new]),
            ]
            for (query, expected) in cases {
                let found = try await feed.ids(query, token: token)
                XCTAssertEqual(Set(found), expected, query)
            }
        }
    }

    func testBadFilterValuesAreRefusedNamingTheField() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let handler = try await world.signIn(app, role: .handler, unit: "A")
            let long = String(repeating: "a", count: FeedbackFeed.maxSearchLength + 1)
            let cases: [(String, String)] = [
                ("unit=NOPE", "unit"), ("unit=B1", "unit"), ("unit=X", "unit"),
                ("from=2026-13-01", "from"), ("to=yesterday", "to"), ("from=2026-05-02&to=2026-05-01", "from"),
                ("target=t-x", "target"), ("target=nope", "target"),
                ("channel=fax", "channel"), ("language=de", "language"), ("theme=parking", "theme"),
                ("sentiment=happy", "sentiment"), ("score=great", "score"), ("read=yes", "read"), ("flagged=1", "flagged"),
                ("q=\(long)", "q"), ("q=a%01b", "q"), ("limit=0", "limit"), ("limit=501", "limit"), ("offset=-1", "offset"),
            ]
            for (query, field) in cases {
                let response = try await app.send(.GET, "/api/v1/feedback?\(query)", token: handler)
                XCTAssertEqual(response.status, .badRequest, query)
                XCTAssertEqual(response.object["field"] as? String, field, query)
                XCTAssertNotNil(response.object["error"] as? String, query)
            }
            let unsigned = try await app.send(.GET, "/api/v1/feedback")
            XCTAssertEqual(unsigned.status, .unauthorized)
        }
    }

    func testReadMarksBelongToEachStaffMemberAlone() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            let feed = FeedFixture(app: app, clock: clock)
            let first = try await feed.answer("Ensimmäinen")
            let second = try await feed.answer("Toinen")
            let anna = try await world.signIn(app, role: .handler, unit: "A", email: "anna@test.example")
            let ben = try await world.signIn(app, role: .handler, unit: "A", email: "ben@test.example")
            let annaID = try await UserFixtures.id(app, "anna@test.example")

            try await FeedbackFeed.setRead(true, responseID: first, userID: annaID, at: clock.wall.now, on: app.db)
            try await FeedbackFeed.setRead(true, responseID: first, userID: annaID, at: clock.wall.now, on: app.db)

            let annaUnread = try await feed.ids("read=false", token: anna)
            let annaRead = try await feed.ids("read=true", token: anna)
            let benUnread = try await feed.ids("read=false", token: ben)
            XCTAssertEqual(annaUnread, [second])
            XCTAssertEqual(annaRead, [first], "marking twice keeps one mark")
            XCTAssertEqual(benUnread, [second, first], "another handler's reading leaves one's own feed unread")

            try await FeedbackFeed.setRead(false, responseID: first, userID: annaID, at: clock.wall.now, on: app.db)
            let afterUnmark = try await feed.ids("read=false", token: anna)
            XCTAssertEqual(afterUnmark, [second, first])
        }
    }

    func testPublicFollowsTheReviewAndTheOrganisationsSetting() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            let feed = FeedFixture(app: app, clock: clock)
            let id = try await feed.answer("Julkaistava")
            let token = try await world.signIn(app, role: .handler, unit: "A1")
            func isPublic() async throws -> Bool? {
                let response = try await app.send(.GET, "/api/v1/feedback", token: token)
                return try response.json([FeedFixture.FeedbackItem].self).first?.public
            }

            let waiting = try await isPublic()
            world.organisation.publishOpenText = OpenTextPublishing.immediately.rawValue
            try await world.organisation.save(on: app.db)
            let immediately = try await isPublic()
            let withdraw = try await app.send(.PUT, "/api/v1/responses/\(id.uuidString)/public", json: ["public": false], token: token)
            let withdrawn = try await isPublic()

            XCTAssertEqual(waiting, false)
            XCTAssertEqual(immediately, true, "an organisation that publishes without review lists the text at once")
            XCTAssertEqual(withdraw.status, .ok)
            XCTAssertEqual(withdrawn, false)
        }
    }

    func testTheCSVHasTheSameFilteredListDefusesFormulasAndIsLogged() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            let feed = FeedFixture(app: app, clock: clock)
            let formula = try await feed.answer("=HYPERLINK(\"http://x\"), \"lainaus\"", nps: 2, themes: ["thanks"], sentiment: .negative)
            try await feed.answer("Ei tähän", target: "t-b1")
            let token = try await world.signIn(app, role: .handler, unit: "ROOT")

            let response = try await app.send(.GET, "/api/v1/feedback.csv?unit=A", token: token)
            let bad = try await app.send(.GET, "/api/v1/feedback.csv?score=lots", token: token)

            XCTAssertEqual(response.status, .ok, response.text)
            XCTAssertEqual(response.headers.contentType?.description, "text/csv; charset=utf-8")
            let text = response.text
            XCTAssertTrue(text.hasPrefix("\u{FEFF}id,received_at,target,unit,channel,language,nps,themes,sentiment,read,flagged,public,open_text\r\n"))
            let lines = text.split(separator: "\r\n", omittingEmptySubsequences: true)
            XCTAssertEqual(lines.count, 2, "the header and the one answer of unit A")
            XCTAssertTrue(lines[1].hasPrefix(formula.uuidString.lowercased() + ","))
            XCTAssertTrue(lines[1].hasSuffix(",t-a1,A1,web,fi,2,thanks,negative,false,false,false,\"'=HYPERLINK(\"\"http://x\"\"), \"\"lainaus\"\"\""),
                          String(lines[1]))
            XCTAssertEqual(bad.status, .badRequest)
            XCTAssertEqual(bad.object["field"] as? String, "score")
            let logged = try await AccessLogEntry.query(on: app.db).all().map(\.action)
            XCTAssertEqual(logged, ["export.feedback csv A"], "the download is logged, the refused one is not")
        }
    }
}
