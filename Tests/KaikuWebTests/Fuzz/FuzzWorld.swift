import FluentKit
import Foundation
import KaikuStore
import NIOCore
import XCTVapor
@testable import KaikuWeb

/// What the route fuzzer needs to get past authentication and find real
/// things: the test organisation with an answer that opened a case, every
/// kind of credential, and the ids and codes that paths take.
struct FuzzWorld: @unchecked Sendable {
    var world: TestWorld
    var adminEmail: String
    var token: String
    var apiKey: String
    var kioskToken: String
    var webhookToken: String
    var responseID: String
    var caseID: String
    var receipt: String
    var kioskID: String
    var userID: String
    var adminID: UUID

    static let webhookSecret = "fuzz-webhook-secret-0123456789"

    static func make(_ app: Application) async throws -> FuzzWorld {
        let world = try await TestWorld.make(on: app)
        let adminEmail = "fuzz-admin@test.example"
        let token = try await world.signIn(app, role: .administrator, unit: "ROOT", email: adminEmail)
        // Another user for the routes about users, so that locking or signing out one does not stop the fuzzer.
        try await world.signIn(app, role: .handler, unit: "A1", email: "fuzz-handler@test.example")
        let (receipt, caseID) = try await openCase(app, token: token)
        // Published, so that Open311's single request is reached as well as its list.
        _ = try await app.send(.PUT, "/api/v1/responses/\(receipt.id.uuidString)/public", json: ["public": true], token: token)
        // Opted in, so that the benchmark report is reached past its 403.
        _ = try await app.send(.PATCH, "/api/v1/organisation", json: ["benchmarking": true], token: token)
        let apiKey = try await APIKeys.issue(name: "Fuzzer", organisationCode: "test-county", on: app.db)
        let registered = try await app.send(.POST, "/api/v1/kiosks", json: RawJSON(["name": "Aula", "unit": "A1", "targets": ["t-a1"]]), token: token)
        let kiosk = registered.object
        let paired = try await app.send(.POST, "/api/v1/kiosk/pair", json: ["code": kiosk["pairingCode"] as? String ?? ""])
        let users = try await app.send(.GET, "/api/v1/users", token: token)
        let userID = (try JSONSerialization.jsonObject(with: Data(buffer: users.body)) as? [[String: Any]])?
            .first { $0["email"] as? String != adminEmail }?["id"] as? String ?? ""
        let admin = try await User.query(on: app.db).filter(\.$email == adminEmail).first()
        return FuzzWorld(world: world, adminEmail: adminEmail, token: token, apiKey: apiKey,
                         kioskToken: paired.object["token"] as? String ?? "", webhookToken: webhookSecret,
                         responseID: receipt.id.uuidString, caseID: caseID, receipt: receipt.receipt,
                         kioskID: kiosk["id"] as? String ?? "", userID: userID,
                         adminID: try XCTUnwrap(admin?.id))
    }

    /// An answer with contact details and the case it opened.
    static func openCase(_ app: Application, token: String) async throws -> (ReceiptDTO, String) {
        let opened = try await openCase(app, token: token, assertingSuccess: true)
        return try XCTUnwrap(opened)
    }

    /// Nil when the answer was refused (and, unless `assertingSuccess`, no test failure recorded).
    static func openCase(_ app: Application, token: String, assertingSuccess: Bool) async throws -> (ReceiptDTO, String)? {
        let body: [String: Any] = [
            "target": "t-a1", "channel": "web", "language": "fi", "answers": ["nps": 3],
            "openText": "Odotin kauan.", "wantsAnswer": true, "contact": ["email": "asiakas@example.org", "phone": "040 123 4567"],
        ]
        let response = try await app.send(.POST, "/api/v1/responses", json: RawJSON(body))
        if assertingSuccess { XCTAssertEqual(response.status, .created, response.text) }
        guard response.status == .created else { return nil }
        let receipt = try response.json(ReceiptDTO.self)
        let cases = try await app.send(.GET, "/api/v1/cases?receipt=\(receipt.receipt)", token: token)
        let caseID = (try JSONSerialization.jsonObject(with: Data(buffer: cases.body)) as? [[String: Any]])?.first?["id"] as? String ?? ""
        return (receipt, caseID)
    }

    /// A route may close the case or withdraw the answer: every route gets an open one of its own.
    /// The administration routes may also have deactivated or moved `t-a1` or closed a unit
    /// above it (an odd value can be a valid one); the case needs it offered again.
    mutating func renew(_ app: Application) async throws {
        // Another worker's route may close or move the target again between the reopening and the
        // answer (an odd value can be a valid one): then reopen once more.
        var opened: (ReceiptDTO, String)?
        for _ in 0..<5 where opened == nil {
            try await reopenTheTarget(app)
            opened = try await Self.openCase(app, token: token, assertingSuccess: false)
        }
        let (receipt, caseID) = try XCTUnwrap(opened, "t-a1 takes no answers even after reopening it five times")
        _ = try await app.send(.PUT, "/api/v1/responses/\(receipt.id.uuidString)/public", json: ["public": true], token: token)
        self.receipt = receipt.receipt
        self.responseID = receipt.id.uuidString
        self.caseID = caseID
    }

    private func reopenTheTarget(_ app: Application) async throws {
        let organisationID = try world.organisation.requireID()
        try await OrgUnit.query(on: app.db).filter(\.$organisationID == organisationID).set(\.$closed, to: false).update()
        for (code, parent) in [("A", "ROOT"), ("A1", "A")] {
            try await OrgUnit.query(on: app.db).filter(\.$organisationID == organisationID).filter(\.$code == code)
                .set(\.$parentID, to: world.units[parent]?.id).update()
        }
        try await Target.query(on: app.db).filter(\.$code == "t-a1")
            .set(\.$active, to: true).set(\.$unitID, to: try XCTUnwrap(world.units["A1"]?.id)).update()
        await app.kaiku.targetCache.removeAll()
        await app.kaiku.orgTrees.removeAll()
    }

    /// Real values for a path parameter, in the forms paths take them
    /// (Open311's carry the format as an extension).
    func pathValues(open311: Bool) -> [String] {
        let things = [responseID, caseID, receipt, kioskID, userID, "t-a1", "A1", "ROOT", "test-county"]
        guard open311 else { return things }
        let documents = ["services.json", "services.xml", "requests.json", "requests.xml", "discovery.json"]
        return things.flatMap { ["\($0).json", "\($0).xml"] } + documents + [responseID.lowercased() + ".json", responseID.lowercased() + ".xml"]
    }
}
