import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// An organisation as the installation administrator sees it: what it is
/// called and how it is set up, never any of its data or figures.
struct OrganisationDTO: Content {
    var code: String
    var name: LocalizedText
    var languages: [String]
    var timeZone: String
    var promiseDays: Int
    var promiseIn: String
    var createdAt: Date?

    init(_ organisation: Organisation) {
        code = organisation.code
        name = organisation.name
        languages = organisation.offeredLanguages.map(\.rawValue)
        timeZone = organisation.timeZoneID
        promiseDays = organisation.promiseDays
        promiseIn = organisation.promiseIn
        createdAt = organisation.createdAt
    }
}

/// `POST /api/v1/organisations`: the code and Finnish name are needed,
/// everything else has the defaults of `OrganisationDraft`.
struct OrganisationCreateRequest: Content {
    struct Names: Content {
        var fi: String
        var sv: String?
        var en: String?
    }

    var code: String
    var name: Names
    var languages: [String]?
    var timeZone: String?
    var promiseDays: Int?
    var promiseIn: String?

    /// The draft, or 400 naming the field when a value is no value of its kind.
    func draft() throws -> OrganisationDraft {
        var languageSet = Set(Language.allCases)
        if let languages {
            guard languages.count <= 10 else { throw FieldError(field: "languages", message: "languages lists at most fi, sv and en.") }
            languageSet = []
            for code in languages {
                guard let language = Language(rawValue: code) else {
                    throw FieldError(field: "languages", message: "languages may hold fi, sv and en, not \(code.prefix(20)); Finnish is always offered.")
                }
                languageSet.insert(language)
            }
        }
        return OrganisationDraft(code: code, name: LocalizedText(fi: name.fi, sv: name.sv ?? "", en: name.en ?? ""),
                                 languages: languageSet, timeZone: timeZone ?? OrganisationDraft.defaultTimeZone,
                                 promiseDays: promiseDays ?? OrganisationDraft.defaultPromiseDays, promiseIn: promiseIn ?? "calendarDays")
    }
}
