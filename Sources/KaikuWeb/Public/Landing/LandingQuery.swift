import Fluent
import KaikuStore

/// Reads the places a customer may give feedback on: every active target of an open unit.
enum LandingQuery {
    static func entries(on database: any Database) async throws -> [LandingModel.Entry] {
        try await Directory.activeTargets(on: database).map { LandingModel.Entry(code: $0.0.code, name: $0.0.name, keywords: $0.0.keywords) }
    }
}
