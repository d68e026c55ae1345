import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

extension DemoSeeder {
    /// A "what we did" note as shipped in `Resources/Demo/unit-notes.json`.
    struct NoteSpec: Decodable {
        var unit: String
        var daysAgo: Double
        var published: Bool
        var fi: String
        var sv: String?
        var en: String?
    }

    /// "What we did" notes written by the demo supervisor — one published on the
    /// unit's public page, one draft — so that both states can be seen and tried.
    static func seedNotes(_ app: Application, organisation: Organisation, now: Date) async throws {
        let organisationID = try organisation.requireID()
        let specs = try JSONDecoder().decode([NoteSpec].self, from: ResourceFile.data("Demo/unit-notes.json"))
        guard let writerSpec = users.first(where: { $0.role == .supervisor }),
              let writer = try await User.query(on: app.db).filter(\.$email == writerSpec.email).first(),
              let writerID = writer.id else { return }
        let actor = AuditActor.user(writerID, email: writer.email)
        for spec in specs {
            guard let unit = try await OrgUnit.query(on: app.db).filter(\.$organisationID == organisationID)
                .filter(\.$code == spec.unit).first() else { continue }
            _ = try await UnitNotes.add(organisationID: organisationID, unit: unit, text: UnitNoteText(fi: spec.fi, sv: spec.sv, en: spec.en),
                                        publish: spec.published, by: writerID, actor: actor,
                                        at: now.addingTimeInterval(-spec.daysAgo * 86_400), on: app.db)
        }
    }
}
