import FluentKit
import Foundation

/// The installation administrator's account and tokens.
public enum InstallationOperators {
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        /// The address is an organisation user's: one sign-in would mean two accounts.
        case emailIsAUsers(String)

        public var description: String {
            switch self {
            case .emailIsAUsers(let email):
                "KAIKU_OPERATOR_EMAIL \(email) is an organisation user's address already; give the installation administrator an address of its own."
            }
        }
    }

    /// Creates the operator or sets their password (`passwordHash`, made by
    /// the caller) when they exist.
    public static func ensure(email: String, passwordHash: String, on database: any Database) async throws {
        let email = email.lowercased()
        guard try await User.query(on: database).filter(\.$email == email).count() == 0 else {
            throw Refusal.emailIsAUsers(email)
        }
        if let existing = try await named(email, on: database) {
            existing.passwordHash = passwordHash
            try await existing.save(on: database)
        } else {
            try await InstallationOperator(email: email, passwordHash: passwordHash).create(on: database)
        }
    }

    public static func named(_ email: String, on database: any Database) async throws -> InstallationOperator? {
        try await InstallationOperator.query(on: database).filter(\.$email == email.lowercased()).first()
    }

    /// The operator holding the token with `tokenHash`, unless it has expired.
    public static func holder(ofTokenHash tokenHash: String, now: Date, on database: any Database) async throws -> InstallationOperator? {
        guard let token = try await OperatorToken.query(on: database).filter(\.$tokenHash == tokenHash).first(),
              token.expiresAt > now else { return nil }
        return try await InstallationOperator.find(token.operatorID, on: database)
    }
}
