import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Adds an organisation's own theme with the checks, words and conflict
/// handling the API and the administration page share.
enum OwnThemeAddition {
    static func add(code rawCode: String, name rawName: LocalizedText, scope: StaffScope, request: Request) async throws -> ThemesController.ThemeDTO {
        let organisationID = scope.staff.organisationID
        // Not trimmed: a code is stored in every answer, so it is taken exactly as sent or refused.
        let code = rawCode
        let existing = try await ThemeCatalogue.codes(organisationID: organisationID, on: request.db)
        let name: LocalizedText
        do throws(OwnThemeRules.Problem) {
            _ = try OwnThemeRules.checkedCode(code, existing: existing)
            name = try OwnThemeRules.checkedName(rawName)
        } catch {
            throw fieldError(error)
        }
        let now = request.kaiku.clock.now
        try await UniqueConflict.guarding(
            field: "code", message: "Your organisation has a theme with the code \(code) already; choose another code.",
            exists: { try await OwnThemeStore.find(code: code, organisationID: organisationID, on: request.db) != nil }
        ) {
            try await OwnThemeStore.add(code: code, name: name, organisationID: organisationID, actor: scope.staff.auditActor, at: now, on: request.db)
        }
        await request.kaiku.classifiers.invalidate(organisationID)
        return ThemesController.ThemeDTO(code: code, name: .init(fi: name.fi, sv: name.sv, en: name.en), default: false)
    }

    /// The rule broken, in words for the API; the page has its own catalogue texts for each.
    static func fieldError(_ problem: OwnThemeRules.Problem) -> FieldError {
        switch problem {
        case .malformedCode:
            FieldError(field: "code", message: "code must be 2–40 characters of lower-case letters a–z, digits and hyphens, such as parking.")
        case .defaultCode:
            FieldError(field: "code", message: "code is one of the seven default themes' codes; choose another code.")
        case .takenCode:
            FieldError(status: .conflict, field: "code", message: "Your organisation has a theme with this code already; choose another code.")
        case .badName(let language):
            FieldError(field: "name.\(language.rawValue)", message: "name.\(language.rawValue) must be 1–\(OwnThemeRules.maxNameLength) characters without control characters.")
        }
    }
}
