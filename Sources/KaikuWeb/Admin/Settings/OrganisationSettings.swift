import Foundation
import KaikuCore
import KaikuStore

/// The settings an administrator of the whole organisation changes, as they
/// travel in `PATCH /api/v1/organisation`, come from the settings page and
/// are kept in the audit log. Every field is optional: only what is given
/// changes, and the audit log keeps only what changed.
struct OrganisationSettings: Codable, Equatable, Sendable {
    var promiseDays: Int?
    /// `calendarDays` or `workingDays` (`PromiseCounting`).
    var promiseIn: String?
    var retentionDays: Int?
    var minimumN: Int?
    var benchmarking: Bool?
    /// `afterReview` or `immediately` (`OpenTextPublishing`).
    var publishOpenText: String?
    /// Language codes offered to customers; Finnish always among them.
    var languages: [String]?
    /// Local accounts must sign in with a second factor.
    var requireSecondFactor: Bool?
    /// Staff sign in only through the organisation's identity provider; break-glass administrators keep their passwords.
    var singleSignOnOnly: Bool?

    static let promiseDayRange = 1...90
    static let retentionDayRange = 30...3_650
    static let minimumNRange = 1...100

    /// Every setting as the organisation has it now.
    init(of organisation: Organisation) {
        promiseDays = organisation.promiseDays
        promiseIn = organisation.promiseCounting.rawValue
        retentionDays = organisation.retentionDays
        minimumN = organisation.minimumN
        benchmarking = organisation.benchmarking
        publishOpenText = organisation.openTextPublishing.rawValue
        languages = organisation.offeredLanguages.map(\.rawValue)
        requireSecondFactor = organisation.requireSecondFactor
        singleSignOnOnly = organisation.singleSignOnOnly
    }

    init(promiseDays: Int? = nil, promiseIn: String? = nil, retentionDays: Int? = nil, minimumN: Int? = nil,
         benchmarking: Bool? = nil, publishOpenText: String? = nil, languages: [String]? = nil,
         requireSecondFactor: Bool? = nil, singleSignOnOnly: Bool? = nil) {
        self.promiseDays = promiseDays
        self.promiseIn = promiseIn
        self.retentionDays = retentionDays
        self.minimumN = minimumN
        self.benchmarking = benchmarking
        self.publishOpenText = publishOpenText
        self.languages = languages
        self.requireSecondFactor = requireSecondFactor
        self.singleSignOnOnly = singleSignOnOnly
    }

    /// Checks every given value, first refusal first, and gives them in their
    /// stored form (languages in catalogue order without repeats).
    func validated() throws -> OrganisationSettings {
        var valid = self
        if let days = promiseDays, !Self.promiseDayRange.contains(days) {
            throw FieldError(field: "promiseDays", message: "promiseDays must be 1–90 days (counted as promiseIn says).")
        }
        if let raw = promiseIn, PromiseCounting(rawValue: raw) == nil {
            throw FieldError(field: "promiseIn", message: "promiseIn must be workingDays or calendarDays.")
        }
        if let days = retentionDays, !Self.retentionDayRange.contains(days) {
            throw FieldError(field: "retentionDays", message: "retentionDays must be 30–3650 days.")
        }
        if let n = minimumN, !Self.minimumNRange.contains(n) {
            throw FieldError(field: "minimumN", message: "minimumN must be 1–100.")
        }
        if let raw = publishOpenText, OpenTextPublishing(rawValue: raw) == nil {
            throw FieldError(field: "publishOpenText", message: "publishOpenText must be afterReview or immediately.")
        }
        if let codes = languages {
            let parsed = codes.prefix(10).compactMap(Language.init(rawValue:))
            guard codes.count <= 10, parsed.count == codes.count, Set(parsed).count == parsed.count, parsed.contains(.fi) else {
                throw FieldError(field: "languages", message: "languages must list fi, sv and en at most once each, fi always among them.")
            }
            valid.languages = Language.allCases.filter(parsed.contains).map(\.rawValue)
        }
        return valid
    }

    /// Writes the given values onto the organisation.
    func apply(to organisation: Organisation) {
        if let promiseDays { organisation.promiseDays = promiseDays }
        if let promiseIn { organisation.promiseIn = promiseIn }
        if let retentionDays { organisation.retentionDays = retentionDays }
        if let minimumN { organisation.minimumN = minimumN }
        if let benchmarking { organisation.benchmarking = benchmarking }
        if let publishOpenText { organisation.publishOpenText = publishOpenText }
        if let languages { organisation.languagesList = languages.joined(separator: ",") }
        if let requireSecondFactor { organisation.requireSecondFactor = requireSecondFactor }
        if let singleSignOnOnly { organisation.singleSignOnOnly = singleSignOnOnly }
    }

    /// The given values that differ from `current`, and what they were:
    /// (before, after), both holding only the changed settings.
    func changes(from current: OrganisationSettings) -> (before: OrganisationSettings, after: OrganisationSettings) {
        var before = OrganisationSettings()
        var after = OrganisationSettings()
        func compare<Value: Equatable>(_ path: WritableKeyPath<OrganisationSettings, Value?>) {
            guard let new = self[keyPath: path], new != current[keyPath: path] else { return }
            before[keyPath: path] = current[keyPath: path]
            after[keyPath: path] = new
        }
        compare(\.promiseDays)
        compare(\.promiseIn)
        compare(\.retentionDays)
        compare(\.minimumN)
        compare(\.benchmarking)
        compare(\.publishOpenText)
        compare(\.languages)
        compare(\.requireSecondFactor)
        compare(\.singleSignOnOnly)
        return (before, after)
    }

    var isEmpty: Bool { self == OrganisationSettings() }
}
