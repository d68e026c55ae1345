import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// Staff members and cases for the tests of working on a case.
enum CaseFixtures {
    static func user(_ app: Application, _ world: TestWorld, role: User.Role, unit: String, email: String, name: String? = nil) async throws {
        let unitModel = try XCTUnwrap(world.units[unit])
        let user = User(organisationID: unitModel.organisationID, email: email, passwordHash: try await app.password.async.hash(TestWorld.password),
                        role: role, unitID: try unitModel.requireID())
        user.name = name
        try await user.create(on: app.db)
    }

    /// A case whose customer left an e-mail address and wrote in `language`.
    static func open(_ app: Application, target: String, language: String = "fi", text: String = "Kukaan ei vastannut puhelimeen.") async throws -> FeedbackCase {
        let extra: [String: Any] = ["contact": ["email": "asiakas@example.fi"], "wantsAnswer": true, "openText": text]
        let receipt = try await TestWorld.submit(app, target: target, nps: 4, language: language, extra: extra)
        let stored = try await FeedbackCase.query(on: app.db).filter(\.$receipt == receipt.receipt).first()
        return try XCTUnwrap(stored)
    }

    static func template(_ app: Application, _ world: TestWorld, name: String, language: String, body: String) async throws -> UUID {
        let organisationID = try XCTUnwrap(world.units["A"]).organisationID
        let template = ReplyTemplate(organisationID: organisationID, name: name, language: language, subject: "Vastaus {receipt}", body: body)
        try await template.create(on: app.db)
        return try template.requireID()
    }
}
