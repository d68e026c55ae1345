import Fluent
import KaikuCore
import KaikuStore

/// Reads the active target a short link names.
enum ShortLinkQuery {
    /// The card of the active target with `code`, its name in `language`; nil for any other code.
    static func card(code: String, language: Language, base: String, on database: any Database) async throws -> ShortLinkCard? {
        guard PlainIdentifier.isPlain(code, maxLength: 100),
              let target = try await Target.query(on: database).filter(\.$code == code).filter(\.$active == true).first(),
              try await Directory.isOffered(target, on: database) else { return nil }
        return ShortLinkCard(code: target.code, name: target.name[language], base: base, organisationID: target.organisationID)
    }
}
