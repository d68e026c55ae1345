import KaikuCore

/// The setup form as plain values: where it posts, what was typed, and the
/// problems found, with the rules that tie each problem to its input.
struct SetupModel: Sendable {
    var token: String
    var form: SetupForm
    var problems: [SetupProblem] = []

    /// The empty form, with the defaults filled in.
    static func blank(token: String) -> SetupModel {
        SetupModel(token: token, form: SetupForm(values: SetupForm.defaults))
    }

    var address: SiteURL { .setup(.value(token)) }

    func value(_ field: SetupField) -> String { form.value(field) }

    func isChecked(_ field: SetupField, _ value: String = "yes") -> Bool { form.value(field) == value }

    /// The first problem of a field: one message beside each input is enough.
    func problem(_ field: SetupField) -> SetupProblem? { problems.first { $0.field == field } }

    /// What an input's `aria-describedby` names: its hints, then its error.
    func describedBy(_ field: SetupField, hints: [String] = []) -> String? {
        let ids = hints + (problem(field) == nil ? [] : [field.errorID])
        return ids.isEmpty ? nil : ids.joined(separator: " ")
    }

    /// One line per field in the summary, in the order of the form.
    var summary: [SetupProblem] {
        SetupField.allCases.compactMap(problem)
    }

    /// Every key a problem may name, for the test that they exist in each language.
    static var problemKeys: Set<String> {
        var keys: Set<String> = ["setup.error.adminName.required", "setup.error.adminName.invalid", "setup.error.adminEmail.required",
                                 "setup.error.adminEmail.invalid", "setup.error.adminEmail.taken", "setup.error.adminPasswordAgain.different",
                                 "setup.error.generic"]
        for kind in PasswordPolicy.Problem.allCases { keys.insert(SetupForm.key(for: kind)) }
        let kinds: [OrganisationProblem.Kind] = [.required, .invalidCode, .codeTaken, .tooLong, .controlCharacters, .unknownTimeZone,
                                                 .outOfRange, .unknownPromiseUnit]
        for field in OrganisationProblem.Field.allCases {
            for kind in kinds { keys.insert(SetupForm.key(for: OrganisationProblem(field, kind))) }
        }
        return keys
    }
}
