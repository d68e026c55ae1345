import FluentKit
import Foundation
import KaikuCore

/// Who receives the monthly report, and the staff member's own choice.
public enum ReportSubscriptions {
    /// Supervisors get the report unless they opted out; others only when they opted in.
    public static func receivesByDefault(_ role: User.Role?) -> Bool { role == .supervisor }

    public static func find(userID: UUID, on database: any Database) async throws -> ReportSubscription? {
        try await ReportSubscription.query(on: database).filter(\.$userID == userID).first()
    }

    public static func find(token: String, on database: any Database) async throws -> ReportSubscription? {
        try await ReportSubscription.query(on: database).filter(\.$token == token).first()
    }

    /// Whether `user` receives the report, by their choice or their role's default.
    public static func receives(_ user: User, choice: ReportSubscription?) -> Bool {
        choice?.subscribed ?? receivesByDefault(user.roleValue)
    }

    /// The user's row, made with their role's default and a new token when
    /// missing: every report carries the token of a working unsubscribe link.
    public static func ensure(for user: User, language: Language, now: Date, on database: any Database) async throws -> ReportSubscription {
        let userID = try user.requireID()
        if let existing = try await find(userID: userID, on: database) { return existing }
        let row = ReportSubscription(organisationID: user.organisationID, userID: userID, subscribed: receivesByDefault(user.roleValue),
                                     language: language.rawValue, token: newToken(), updatedAt: now)
        do {
            try await row.create(on: database)
            return row
        } catch {
            // Another instance made it at the same moment: theirs stands.
            if let existing = try await find(userID: userID, on: database) { return existing }
            throw error
        }
    }

    /// Records the staff member's choice (and the report's language).
    @discardableResult
    public static func set(_ subscribed: Bool, language: Language?, for user: User, now: Date, on database: any Database) async throws -> ReportSubscription {
        let row = try await ensure(for: user, language: language ?? .fi, now: now, on: database)
        row.subscribed = subscribed
        if let language { row.language = language.rawValue }
        row.updatedAt = now
        try await row.save(on: database)
        return row
    }

    /// Active staff of the organisation who receive the report, with their rows when they have one.
    public static func recipients(organisationID: UUID, on database: any Database) async throws -> [(user: User, choice: ReportSubscription?)] {
        let users = try await User.query(on: database).filter(\.$organisationID == organisationID)
            .filter(\.$deactivatedAt == nil).sort(\.$email).all()
            .filter { !$0.isInvited }
        let choices = try await ReportSubscription.query(on: database).filter(\.$organisationID == organisationID).all()
        let byUser = Dictionary(choices.map { ($0.userID, $0) }, uniquingKeysWith: { first, _ in first })
        return users.compactMap { user in
            let choice = user.id.flatMap { byUser[$0] }
            return receives(user, choice: choice) ? (user, choice) : nil
        }
    }

    /// 256 random bits, URL-safe: the unsubscribe link's proof.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
