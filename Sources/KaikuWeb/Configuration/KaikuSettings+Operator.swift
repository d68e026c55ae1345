import KaikuCore

extension KaikuSettings {
    /// The installation administrator (`KAIKU_OPERATOR_EMAIL` and
    /// `KAIKU_OPERATOR_PASSWORD`): both or neither, a usable address, a
    /// password the policy accepts, and not the organisation administrator's
    /// address. Checked before anything opens, so a mistake stops start-up
    /// with a sentence instead of an account nobody can sign in with.
    static func operatorCredentials(in environment: [String: String], adminEmail: String?) throws -> (email: String, password: String)? {
        let email = environment["KAIKU_OPERATOR_EMAIL"].map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.flatMap { $0.isEmpty ? nil : $0 }
        let password = environment["KAIKU_OPERATOR_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        switch (email, password) {
        case (nil, nil):
            return nil
        case (.some, nil):
            throw SettingsProblem(variable: "KAIKU_OPERATOR_PASSWORD", message: "KAIKU_OPERATOR_EMAIL is set without KAIKU_OPERATOR_PASSWORD; set both to make the installation administrator, or neither.")
        case (nil, .some):
            throw SettingsProblem(variable: "KAIKU_OPERATOR_EMAIL", message: "KAIKU_OPERATOR_PASSWORD is set without KAIKU_OPERATOR_EMAIL; set both to make the installation administrator, or neither.")
        case (.some(let email), .some(let password)):
            guard ContactDetails.isPlausibleEmail(email) else {
                throw SettingsProblem(variable: "KAIKU_OPERATOR_EMAIL", message: "KAIKU_OPERATOR_EMAIL must be an e-mail address, such as operator@example.fi.")
            }
            if let adminEmail, adminEmail.lowercased() == email {
                throw SettingsProblem(variable: "KAIKU_OPERATOR_EMAIL", message: "KAIKU_OPERATOR_EMAIL and KAIKU_ADMIN_EMAIL must differ: the installation administrator sees no organisation's data, and an organisation's administrator sees only its own.")
            }
            if let problem = PasswordPolicy.problem(with: password) {
                throw SettingsProblem(variable: "KAIKU_OPERATOR_PASSWORD", message: "KAIKU_OPERATOR_PASSWORD \(problem).")
            }
            return (email, password)
        }
    }
}
