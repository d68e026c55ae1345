import KaikuStore
import Vapor

extension Bootstrap {
    /// Creates the installation administrator, or sets their password when
    /// they exist, like the organisation administrator of `KAIKU_ADMIN_EMAIL`.
    static func ensureOperator(email: String, password: String, on app: Application) async throws {
        let hash = try await app.password.async.hash(password)
        do {
            try await InstallationOperators.ensure(email: email, passwordHash: hash, on: app.db)
        } catch let refusal as InstallationOperators.Refusal {
            throw SettingsProblem(variable: "KAIKU_OPERATOR_EMAIL", message: refusal.description)
        }
    }
}
