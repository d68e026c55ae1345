import Foundation

/// A new organisation as a person asked for it (setup page, command line,
/// API), with the defaults a Finnish county starts from. `OrganisationRules`
/// checks it; only a draft without problems is created.
public struct OrganisationDraft: Sendable, Hashable {
    public static let defaultTimeZone = "Europe/Helsinki"
    public static let defaultPromiseDays = 14
    public static let promiseUnits = PromiseCounting.allCases.map(\.rawValue)

    /// Lowercase letters, digits and hyphens; also the code of the root unit.
    public var code: String
    /// Swedish and English may be left empty: `filled` gives them the Finnish name.
    public var name: LocalizedText
    public var languages: Set<Language>
    /// An IANA time zone: the organisation's calendar days (reports, due times).
    public var timeZone: String
    public var promiseDays: Int
    /// `calendarDays` or `workingDays`: how `promiseDays` counts.
    public var promiseIn: String

    public init(code: String, name: LocalizedText, languages: Set<Language> = Set(Language.allCases),
                timeZone: String = OrganisationDraft.defaultTimeZone, promiseDays: Int = OrganisationDraft.defaultPromiseDays,
                promiseIn: String = "calendarDays") {
        self.code = code
        self.name = name
        self.languages = languages
        self.timeZone = timeZone
        self.promiseDays = promiseDays
        self.promiseIn = promiseIn
    }

    /// The draft as it is stored: names and code trimmed, a missing Swedish
    /// or English name replaced by the Finnish one (counties' names are
    /// proper names, often used as they are in the other languages, and an
    /// empty name would show as nothing wherever it is not looked up with
    /// the Finnish fallback), Finnish always among the languages.
    public var filled: OrganisationDraft {
        var draft = self
        draft.code = code.trimmingCharacters(in: .whitespaces)
        let fi = name.fi.trimmingCharacters(in: .whitespacesAndNewlines)
        let sv = name.sv.trimmingCharacters(in: .whitespacesAndNewlines)
        let en = name.en.trimmingCharacters(in: .whitespacesAndNewlines)
        draft.name = LocalizedText(fi: fi, sv: sv.isEmpty ? fi : sv, en: en.isEmpty ? fi : en)
        draft.timeZone = timeZone.trimmingCharacters(in: .whitespaces)
        draft.languages.insert(.fi)
        return draft
    }

    /// Which names were not given and take the Finnish one in `filled`.
    public var namesTakingFinnish: [Language] {
        [(Language.sv, name.sv), (.en, name.en)].filter { $0.1.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.map(\.0)
    }

    /// The languages as stored: comma-separated codes in catalogue order.
    public var languagesList: String {
        Language.allCases.filter { $0 == .fi || languages.contains($0) }.map(\.rawValue).joined(separator: ",")
    }
}
