import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Makes sure what every installation needs exists: the national survey and,
/// when configured, the administrator from `KAIKU_ADMIN_EMAIL` and the
/// installation administrator from `KAIKU_OPERATOR_EMAIL`.
enum Bootstrap {
    static func run(_ app: Application) async throws {
        _ = try await SurveyStore.ensureNational(app.kaiku.nationalSurvey, on: app.db)
        let stale = try await ClassifierStore.scheduleStaleRetraining(at: app.kaiku.clock.now, on: app.db)
        if stale > 0 { app.logger.notice("\(stale) organisations' classifiers were trained by an older version; retraining them") }
        if let email = app.kaiku.settings.adminEmail, let password = app.kaiku.settings.adminPassword {
            try await ensureAdministrator(email: email, password: password, on: app)
        }
        if let email = app.kaiku.settings.operatorEmail, let password = app.kaiku.settings.operatorPassword {
            try await ensureOperator(email: email, password: password, on: app)
        }
    }

    /// Creates or updates the administrator of the first organisation. When no
    /// organisation exists yet (an empty database) there is nobody to administer.
    static func ensureAdministrator(email: String, password: String, on app: Application) async throws {
        guard let organisation = try await Organisation.query(on: app.db).sort(\.$createdAt).first(),
              let root = try await OrgUnit.query(on: app.db)
                .filter(\.$organisationID == organisation.requireID())
                .filter(\.$parentID == nil).first()
        else {
            app.logger.notice("KAIKU_ADMIN_EMAIL is set but there is no organisation yet; create one at the one-time setup address printed at start (/setup/…) or with `kaiku organisation create --code CODE --name-fi NAME`, then start again to make the administrator")
            return
        }
        if let problem = PasswordPolicy.problem(with: password) {
            throw Abort(.internalServerError, reason: "KAIKU_ADMIN_PASSWORD: \(problem)")
        }
        let hash = try await app.password.async.hash(password)
        if let user = try await User.query(on: app.db).filter(\.$email == email.lowercased()).first() {
            user.passwordHash = hash
            user.role = User.Role.administrator.rawValue
            // The way back in when the organisation's administrators were deactivated.
            user.deactivatedAt = nil
            try await user.save(on: app.db)
        } else {
            try await User(organisationID: organisation.requireID(), email: email, passwordHash: hash,
                           role: .administrator, unitID: root.requireID()).create(on: app.db)
        }
    }
}
