import FluentKit
import Foundation
import KaikuCore

extension ThemeCatalogue {
    /// What an organisation's classifier is trained with: its theme codes, and its own
    /// themes' names, whose words seed those themes before any correction.
    public static func classifierThemes(
        organisationID: UUID, on database: any Database
    ) async throws -> (codes: [String], names: [String: [Language: String]]) {
        let entries = try await entries(organisationID: organisationID, on: database)
        var names: [String: [Language: String]] = [:]
        for entry in entries {
            guard let name = entry.ownName else { continue }
            names[entry.code] = [.fi: name.fi, .sv: name.sv, .en: name.en]
        }
        return (entries.map(\.code), names)
    }
}
