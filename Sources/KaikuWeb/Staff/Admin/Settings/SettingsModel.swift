import Foundation
import KaikuCore

/// The settings page as plain values: the settings as saved, what a refused
/// form sent, the field at fault, and whether a save just went through.
struct SettingsModel: Sendable, Equatable {
    /// Every setting as the organisation has it now.
    var saved: OrganisationSettings
    var form: SettingsForm?
    /// The field a refusal was about (`promiseDays`, `languages`…).
    var errorField: String?
    var justSaved = false

    static let fields = ["promiseDays", "promiseIn", "retentionDays", "minimumN", "benchmarking", "publishOpenText", "languages", "requireSecondFactor", "singleSignOnOnly"]

    /// The value a text field shows: as sent when the form was refused, else as saved.
    func text(_ field: String) -> String {
        switch field {
        case "promiseDays": form?.promiseDays ?? saved.promiseDays.map(String.init) ?? ""
        case "retentionDays": form?.retentionDays ?? saved.retentionDays.map(String.init) ?? ""
        case "minimumN": form?.minimumN ?? saved.minimumN.map(String.init) ?? ""
        case "promiseIn": form?.promiseIn ?? saved.promiseIn ?? PromiseCounting.default.rawValue
        case "publishOpenText": form?.publishOpenText ?? saved.publishOpenText ?? OpenTextPublishing.default.rawValue
        default: ""
        }
    }

    var benchmarking: Bool { form.map { $0.benchmarking != nil } ?? saved.benchmarking ?? false }
    var requireSecondFactor: Bool { form.map { $0.requireSecondFactor != nil } ?? saved.requireSecondFactor ?? false }
    var singleSignOnOnly: Bool { form.map { $0.singleSignOnOnly != nil } ?? saved.singleSignOnOnly ?? false }

    /// Whether a language's box is ticked; Finnish always is.
    func offers(_ language: Language) -> Bool {
        language == .fi || (form?.languages ?? saved.languages ?? []).contains(language.rawValue)
    }

    /// The id of the input an error links to: the first box of a group.
    func inputID(_ field: String) -> String {
        switch field {
        case "promiseIn": "f-promiseIn-calendarDays"
        case "publishOpenText": "f-publishOpenText-afterReview"
        case "languages": "f-languages-sv"
        default: "f-\(field)"
        }
    }

    func isInvalid(_ field: String) -> Bool { errorField == field }
}
