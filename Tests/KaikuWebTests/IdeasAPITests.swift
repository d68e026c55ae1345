import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// The staff idea bank's API: every staff member of the organisation sends
/// and lists ideas (never another organisation's), administrators and an
/// idea's owner move them through new → under-review → accepted | declined →
/// implemented, each step audited and e-mailed to the sender.
final class IdeasAPITests: XCTestCase {
    private struct Created: Decodable { var id: UUID }
    private struct Problem: Decodable { var error: String; var field: String? }

    private func submit(_ app: Application, token: String, title: String, unit: String = "A1", category: String? = nil,
                        anonymous: Bool? = nil, language: String? = nil) async throws -> UUID {
        var body: [String: String] = ["title": title, "description": "Kuvaus: \(title)", "unit": unit]
        if let category { body["category"] = category }
        if let language { body["language"] = language }
        let response: XCTHTTPResponse
        if let anonymous {
            struct Anonymous: Encodable { var title, description, unit: String; var anonymous: Bool }
            response = try await app.send(.POST, "/api/v1/ideas", json: Anonymous(title: title, description: "Kuvaus", unit: unit, anonymous: anonymous),
                                          token: token)
        } else {
            response = try await app.send(.POST, "/api/v1/ideas", json: body, token: token)
        }
        XCTAssertEqual(response.status, .created, response.text)
        return try response.json(Created.self).id
    }

    private func userID(_ app: Application, email: String) async throws -> UUID {
        let user = try await User.query(on: app.db).filter(\.$email == email).first()
        return try XCTUnwrap(user).requireID()
    }

    func testStaffSendAndListIdeasWithFiltersAndNeverSeeAnotherOrganisations() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let handler = try await world.signIn(app, role: .handler, unit: "A1")
            let analyst = try await world.signIn(app, role: .analyst, unit: "B1")
            let outsider = try await world.signIn(app, role: .administrator, unit: "X")

            let first = try await submit(app, token: handler, title: "Opasteet aulaan", unit: "A1", category: "service-processes")
            _ = try await submit(app, token: analyst, title: "Taukojumppa", unit: "B1", category: "wellbeing-at-work")
            _ = try await submit(app, token: handler, title: "Ilman luokkaa", unit: "A2")
            _ = try await submit(app, token: outsider, title: "Toisen kunnan idea", unit: "X")

            let all = try await app.send(.GET, "/api/v1/ideas", token: analyst).json([IdeaDTO].self)
            XCTAssertEqual(Set(all.map(\.title)), ["Opasteet aulaan", "Taukojumppa", "Ilman luokkaa"],
                           "everyone of the organisation sees all its ideas, whatever their unit; none of another organisation")
            XCTAssertEqual(all.first { $0.title == "Ilman luokkaa" }?.category, "other", "no category: other")
            XCTAssertEqual(all.first { $0.id == first }?.status, "new")
            XCTAssertEqual(all.first { $0.id == first }?.unit, "A1")

            let underA = try await app.send(.GET, "/api/v1/ideas?unit=A", token: analyst).json([IdeaDTO].self)
            XCTAssertEqual(Set(underA.map(\.title)), ["Opasteet aulaan", "Ilman luokkaa"], "a unit's subtree")
            let wellbeing = try await app.send(.GET, "/api/v1/ideas?category=wellbeing-at-work", token: handler).json([IdeaDTO].self)
            XCTAssertEqual(wellbeing.map(\.title), ["Taukojumppa"])
            let accepted = try await app.send(.GET, "/api/v1/ideas?status=accepted", token: handler).json([IdeaDTO].self)
            XCTAssertTrue(accepted.isEmpty)
            let other = try await app.send(.GET, "/api/v1/ideas", token: outsider).json([IdeaDTO].self)
            XCTAssertEqual(other.map(\.title), ["Toisen kunnan idea"])

            for (query, field) in [("status=done", "status"), ("category=nope", "category"), ("unit=X", "unit"), ("year=20x6", "year")] {
                let refused = try await app.send(.GET, "/api/v1/ideas?\(query)", token: handler)
                XCTAssertEqual(refused.status, .badRequest, query)
                XCTAssertEqual(try refused.json(Problem.self).field, field, query)
            }
            let unsigned = try await app.send(.GET, "/api/v1/ideas")
            XCTAssertEqual(unsigned.status, .unauthorized)
        }
    }

    func testBadIdeasAreRefusedWithTheFieldAndNothingStored() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let token = try await world.signIn(app, role: .handler, unit: "A1")
            let cases: [([String: String], String)] = [
                (["title": " ", "description": "x", "unit": "A1"], "title"),
                (["title": String(repeating: "t", count: 151), "description": "x", "unit": "A1"], "title"),
                (["title": "t", "description": String(repeating: "d", count: 4_001), "unit": "A1"], "description"),
                (["title": "t", "description": "x", "unit": "X"], "unit"),
                (["title": "t", "description": "x", "unit": "A1", "category": "nope"], "category"),
                (["title": "t", "description": "x", "unit": "A1", "language": "de"], "language"),
                (["title": "t", "description": "x"], "unit"),
            ]
            for (body, field) in cases {
                let response = try await app.send(.POST, "/api/v1/ideas", json: body, token: token)
                XCTAssertEqual(response.status, .badRequest, "\(body)")
                XCTAssertEqual(try response.json(Problem.self).field, field, "\(body)")
            }
            let stored = try await Idea.query(on: app.db).count()
            XCTAssertEqual(stored, 0)
        }
    }

    func testAdministratorsAndTheOwnerMoveAnIdeaOthersAreRefusedAndImpossibleStepsConflict() async throws {
        let mail = RecordingMailSender()
        try await withApp(mail: mail, adjust: { $0.publicBaseURL = "https://kaiku.example.fi/" }) { app in
            let world = try await TestWorld.make(on: app)
            let sender = try await world.signIn(app, role: .handler, unit: "A1", email: "lahettaja@test.example")
            let colleague = try await world.signIn(app, role: .supervisor, unit: "A", email: "kollega@test.example")
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT", email: "paakayttaja@test.example")
            let outsider = try await world.signIn(app, role: .administrator, unit: "X")
            let id = try await submit(app, token: sender, title: "Yhteinen kalenteri", language: "sv")
            let path = "/api/v1/ideas/\(id)"

            let bySupervisor = try await app.send(.PATCH, path, json: ["status": "under-review"], token: colleague)
            XCTAssertEqual(bySupervisor.status, .forbidden, "a supervisor who does not own it may not")
            let bySender = try await app.send(.PATCH, path, json: ["status": "under-review"], token: sender)
            XCTAssertEqual(bySender.status, .forbidden, "nor may its sender")
            let byOutsider = try await app.send(.PATCH, path, json: ["status": "under-review"], token: outsider)
            XCTAssertEqual(byOutsider.status, .notFound, "another organisation's administrator does not find it")

            let skip = try await app.send(.PATCH, path, json: ["status": "accepted"], token: admin)
            XCTAssertEqual(skip.status, .conflict, "not decided before review")
            XCTAssertEqual(try skip.json(Problem.self).field, "status")
            XCTAssertTrue(try skip.json(Problem.self).error.contains("under-review"), "the message says where it can go")
            let unknownStatus = try await app.send(.PATCH, path, json: ["status": "finished"], token: admin).status
            XCTAssertEqual(unknownStatus, .badRequest)
            let unknownOwner = try await app.send(.PATCH, path, json: ["owner": UUID().uuidString], token: admin).status
            XCTAssertEqual(unknownOwner, .badRequest)
            let outsiderID = try await User.query(on: app.db).filter(\.$organisationID == world.other.requireID()).first()?.requireID()
            let foreignOwner = try await app.send(.PATCH, path, json: ["owner": try XCTUnwrap(outsiderID).uuidString], token: admin).status
            XCTAssertEqual(foreignOwner, .badRequest, "an owner of another organisation is no owner")
            XCTAssertTrue(mail.messages.isEmpty, "nothing moved, nothing sent")

            let colleagueID = try await userID(app, email: "kollega@test.example")
            let owned = try await app.send(.PATCH, path, json: ["status": "under-review", "owner": colleagueID.uuidString], token: admin)
            XCTAssertEqual(owned.status, .ok, owned.text)
            XCTAssertEqual(try owned.json(IdeaDTO.self).owner, colleagueID)
            XCTAssertEqual(mail.messages.count, 1)
            let note = try XCTUnwrap(mail.messages.first)
            XCTAssertEqual(note.to, "lahettaja@test.example")
            XCTAssertTrue(note.subject.contains("Yhteinen kalenteri") && note.subject.contains("Under behandling"), "in Swedish: \(note.subject)")
            XCTAssertTrue(note.body.contains("https://kaiku.example.fi/staff/ideas/\(id.uuidString)?lang=sv"), note.body)

            let again = try await app.send(.PATCH, path, json: ["status": "under-review"], token: admin)
            XCTAssertEqual(again.status, .ok, "the status it has already: nothing to do")
            XCTAssertEqual(mail.messages.count, 1, "and no second note")

            let byOwner = try await app.send(.PATCH, path, json: ["status": "accepted", "category": "service-development"], token: colleague)
            XCTAssertEqual(byOwner.status, .ok, "the owner moves it on")
            let lateDecline = try await app.send(.PATCH, path, json: ["status": "declined"], token: colleague).status
            XCTAssertEqual(lateDecline, .conflict,
                           "an accepted idea is not declined afterwards")
            let implemented = try await app.send(.PATCH, path, json: ["status": "implemented"], token: colleague).status
            XCTAssertEqual(implemented, .ok)
            XCTAssertEqual(mail.messages.count, 3, "a note at each step")
            XCTAssertTrue(mail.messages.last?.subject.contains("Genomförd") ?? false)

            let audit = try await AuditEntry.query(on: app.db).filter(\.$subject == id.uuidString).all().map(\.action)
            XCTAssertEqual(audit.filter { $0 == "idea.status" }.count, 3)
            XCTAssertEqual(audit.filter { $0 == "idea.owner" }.count, 1)
            XCTAssertEqual(audit.filter { $0 == "idea.category" }.count, 1)
            let jobs = try await Job.query(on: app.db).filter(\.$kind == IdeaNoteJob.kind).count()
            XCTAssertEqual(jobs, 3)
        }
    }

    func testAnAnonymousIdeaHidesItsSenderFromColleaguesAndAdministratorsButNotFromTheSender() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let sender = try await world.signIn(app, role: .handler, unit: "A1", email: "hiljainen@test.example")
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            _ = try await submit(app, token: sender, title: "Nimetön ehdotus", anonymous: true)
            _ = try await submit(app, token: sender, title: "Nimellinen ehdotus")

            let listed = try await app.send(.GET, "/api/v1/ideas", token: admin)
            XCTAssertTrue(listed.text.contains(#""submitter":null"#), "hidden as null, the key kept: \(listed.text)")
            let seen = try listed.json([IdeaDTO].self)
            XCTAssertNil(seen.first { $0.title == "Nimetön ehdotus" }?.submitter)
            XCTAssertEqual(seen.first { $0.title == "Nimellinen ehdotus" }?.submitter, "hiljainen@test.example")
            let own = try await app.send(.GET, "/api/v1/ideas", token: sender).json([IdeaDTO].self)
            XCTAssertEqual(own.first { $0.title == "Nimetön ehdotus" }?.submitter, "hiljainen@test.example")
            XCTAssertEqual(own.first { $0.title == "Nimetön ehdotus" }?.mine, true)
            let csv = try await app.send(.GET, "/api/v1/ideas.csv", token: admin).text
            let rows = try CSVTable(csv).objects
            let anonymousRow = try XCTUnwrap(rows.first { $0["title"] == "Nimetön ehdotus" }, "the CSV keeps it anonymous too")
            XCTAssertEqual(anonymousRow["submitter"], "")
            XCTAssertEqual(anonymousRow["anonymous"], "true")
        }
    }

    func testStatsCountByStatusCategoryAndYearAndTheCSVHasTheSameFilters() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_735_000_000)) // December 2024
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            var admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let old = try await submit(app, token: admin, title: "Vanha idea", category: "wellbeing-at-work")
            clock.advance(by: 90 * 86_400)
            admin = try await world.signIn(app, role: .administrator, unit: "ROOT") // a token of 90 days ago has expired
            _ = try await submit(app, token: admin, title: "Uusi idea", category: "wellbeing-at-work")
            _ = try await submit(app, token: admin, title: "Kolmas", unit: "B1", category: "service-processes")
            let review = try await app.send(.PATCH, "/api/v1/ideas/\(old)", json: ["status": "under-review"], token: admin).status
            XCTAssertEqual(review, .ok)

            let stats = try await app.send(.GET, "/api/v1/ideas/stats", token: admin).json(IdeaStatsDTO.self)
            XCTAssertEqual(stats.total, 3)
            XCTAssertEqual(stats.statuses.map(\.status), IdeaStatus.allCases.map(\.rawValue))
            XCTAssertEqual(stats.statuses.first { $0.status == "new" }?.count, 2)
            XCTAssertEqual(stats.statuses.first { $0.status == "under-review" }?.count, 1)
            XCTAssertEqual(stats.categories.map(\.category), IdeaCategoryDefaults.codes, "all six, zeros too")
            XCTAssertEqual(stats.categories.first { $0.category == "wellbeing-at-work" }?.count, 2)
            XCTAssertEqual(stats.years.map(\.year), [2024, 2025])
            XCTAssertEqual(stats.years.map(\.count), [1, 2])

            let year = try await app.send(.GET, "/api/v1/ideas/stats?year=2025&unit=A", token: admin).json(IdeaStatsDTO.self)
            XCTAssertEqual(year.total, 1, "2025 and A's subtree: only \"Uusi idea\"")

            let csv = try await app.send(.GET, "/api/v1/ideas.csv?category=wellbeing-at-work", token: admin)
            XCTAssertEqual(csv.status, .ok)
            XCTAssertEqual(csv.headers.contentType?.subType, "csv")
            let table = try CSVTable(csv.text).objects
            XCTAssertEqual(table.map { $0["title"] ?? "" }, ["Uusi idea", "Vanha idea"], "newest first, filtered as the list")
            XCTAssertEqual(table.first?["category"], "wellbeing-at-work")
        }
    }
}
