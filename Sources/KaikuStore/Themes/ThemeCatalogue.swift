import FluentKit
import Foundation
import KaikuCore

/// The themes of one organisation: the seven defaults, then its own.
public enum ThemeCatalogue {
    public static let defaults: [ThemeEntry] = Theme.allCases.map { ThemeEntry(code: $0.rawValue) }

    public static func entries(organisationID: UUID, on database: any Database) async throws -> [ThemeEntry] {
        let own = try await OrganisationTheme.query(on: database)
            .filter(\.$organisationID == organisationID)
            .sort(\.$code)
            .all()
        return defaults + own.map { ThemeEntry(code: $0.code, ownName: $0.name) }
    }

    public static func codes(organisationID: UUID, on database: any Database) async throws -> [String] {
        try await entries(organisationID: organisationID, on: database).map(\.code)
    }
}
