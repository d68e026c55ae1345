import Fluent
import Foundation
import KaikuStore
import Vapor

extension DemoSeeder {
    /// A reply template as shipped in `Resources/Demo/reply-templates.json`.
    struct TemplateSpec: Decodable {
        var name: String
        var language: String
        var subject: String
        var body: String
    }

    /// Reply templates in Finnish, Swedish and English, so that answering
    /// from a template can be tried in the customer's own language.
    static func seedTemplates(_ app: Application, organisation: Organisation) async throws {
        let organisationID = try organisation.requireID()
        let specs = try JSONDecoder().decode([TemplateSpec].self, from: ResourceFile.data("Demo/reply-templates.json"))
        try await app.db.transaction { db in
            for spec in specs {
                try await ReplyTemplate(organisationID: organisationID, name: spec.name, language: spec.language,
                                        subject: spec.subject, body: spec.body).create(on: db)
            }
        }
    }
}
