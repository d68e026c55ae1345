import Foundation
import KaikuCore

/// The setup form as posted: the organisation's draft and its first
/// administrator, and every problem with them, in the order of the form.
struct SetupForm: Sendable {
    static let maxAdminNameLength = 200

    var values: [String: String]

    /// What the empty form starts with: the defaults a Finnish county takes.
    static let defaults: [String: String] = [
        SetupField.offerSv.rawValue: "yes", SetupField.offerEn.rawValue: "yes",
        SetupField.timeZone.rawValue: OrganisationDraft.defaultTimeZone,
        SetupField.promiseDays.rawValue: String(OrganisationDraft.defaultPromiseDays),
        SetupField.promiseIn.rawValue: "calendarDays",
    ]

    func value(_ field: SetupField) -> String { values[field.rawValue] ?? "" }

    var draft: OrganisationDraft {
        var languages: Set<Language> = [.fi]
        if value(.offerSv) == "yes" { languages.insert(.sv) }
        if value(.offerEn) == "yes" { languages.insert(.en) }
        // Anything but a whole number is out of range, so that it is refused with the range.
        let days = Int(value(.promiseDays).trimmingCharacters(in: .whitespaces)).flatMap { (-1_000...1_000).contains($0) ? $0 : nil } ?? 0
        return OrganisationDraft(code: value(.code), name: LocalizedText(fi: value(.nameFi), sv: value(.nameSv), en: value(.nameEn)),
                                 languages: languages, timeZone: value(.timeZone), promiseDays: days, promiseIn: value(.promiseIn))
    }

    var adminName: String { value(.adminName).trimmingCharacters(in: .whitespacesAndNewlines) }
    var adminEmail: String { value(.adminEmail).trimmingCharacters(in: .whitespaces).lowercased() }
    var adminPassword: String { value(.adminPassword) }

    /// Every problem the form has on its own; the database adds a taken code.
    var problems: [SetupProblem] {
        OrganisationRules.problems(with: draft).map { SetupProblem(field: SetupField($0.field), key: Self.key(for: $0)) }
            + adminProblems
    }

    private var adminProblems: [SetupProblem] {
        var found: [SetupProblem] = []
        if adminName.isEmpty {
            found.append(SetupProblem(field: .adminName, key: "setup.error.adminName.required"))
        } else if adminName.count > Self.maxAdminNameLength || adminName.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            found.append(SetupProblem(field: .adminName, key: "setup.error.adminName.invalid"))
        }
        if adminEmail.isEmpty {
            found.append(SetupProblem(field: .adminEmail, key: "setup.error.adminEmail.required"))
        } else if !ContactDetails.isPlausibleEmail(adminEmail) {
            found.append(SetupProblem(field: .adminEmail, key: "setup.error.adminEmail.invalid"))
        }
        if let kind = PasswordPolicy.check(adminPassword) {
            found.append(SetupProblem(field: .adminPassword, key: Self.key(for: kind)))
        } else if value(.adminPasswordAgain) != adminPassword {
            found.append(SetupProblem(field: .adminPasswordAgain, key: "setup.error.adminPasswordAgain.different"))
        }
        return found
    }

    static func key(for problem: OrganisationProblem) -> String {
        switch (problem.field, problem.kind) {
        case (.code, .required): "setup.error.code.required"
        case (.code, .codeTaken): "setup.error.code.taken"
        case (.code, _): "setup.error.code.invalid"
        case (.nameFi, .required): "setup.error.nameFi.required"
        case (_, .tooLong): "setup.error.name.tooLong"
        case (_, .controlCharacters): "setup.error.name.controlCharacters"
        case (.timeZone, _): "setup.error.timeZone.unknown"
        case (.promiseDays, _): "setup.error.promiseDays.outOfRange"
        case (.promiseIn, _): "setup.error.promiseIn.unknown"
        default: "setup.error.generic"
        }
    }

    static func key(for kind: PasswordPolicy.Problem) -> String {
        switch kind {
        case .tooShort: "setup.error.adminPassword.tooShort"
        case .tooLong: "setup.error.adminPassword.tooLong"
        case .repetitive: "setup.error.adminPassword.repetitive"
        case .common: "setup.error.adminPassword.common"
        case .commonWord: "setup.error.adminPassword.commonWord"
        }
    }
}
