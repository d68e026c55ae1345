import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Making and revoking a user's personal API tokens, with the checks the API
/// and the account page share. A token lives at most a year (90 days when no
/// expiry is given), so a forgotten one does not work for ever.
enum PersonalTokenIssue {
    static let defaultLifetime: TimeInterval = 90 * 86_400
    static let maximumLifetime: TimeInterval = 366 * 86_400
    static let maximumNameLength = 100
    /// Told apart from sign-in tokens at a glance, and by secret scanners.
    static let prefix = "kaiku_pat_"

    struct Issued {
        var token: PersonalToken
        /// The token itself, shown this once.
        var secret: String
    }

    /// `expiresAt` as the API or the page sends it: an ISO 8601 time, or a
    /// calendar day meaning the end of that day in the organisation's time zone.
    static func expiry(_ raw: String?, timeZone: TimeZone) throws -> Date? {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        if let date = ISO8601.parse(raw) { return date }
        let parts = raw.split(separator: "-", omittingEmptySubsequences: false)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        guard raw.utf8.count == 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (2000...2200).contains(year), let start = calendar.date(from: DateComponents(year: year, month: month, day: day)),
              calendar.component(.day, from: start) == day, calendar.component(.month, from: start) == month, let end = calendar.date(byAdding: .day, value: 1, to: start) else {
            throw FieldError(field: "expiresAt", message: "expiresAt must be a date (YYYY-MM-DD) or an ISO 8601 time.")
        }
        return end
    }

    static func issue(name rawName: String?, expiresAt: Date?, for staff: StaffUser, on request: Request) async throws -> Issued {
        let name = (rawName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= maximumNameLength, !name.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) else {
            throw FieldError(field: "name", message: "name must be 1–\(maximumNameLength) characters, without control characters.")
        }
        let now = request.kaiku.clock.now
        let expiry = expiresAt ?? now.addingTimeInterval(defaultLifetime)
        guard expiry > now, expiry <= now.addingTimeInterval(maximumLifetime) else {
            throw FieldError(field: "expiresAt", message: "expiresAt must be in the future and at most a year away.")
        }
        try await PersonalTokens.removeExpired(userID: staff.userID, now: now, on: request.db)
        guard try await PersonalTokens.count(userID: staff.userID, on: request.db) < PersonalTokens.maximumPerUser else {
            throw FieldError(status: .conflict, field: "name",
                             message: "You have \(PersonalTokens.maximumPerUser) tokens already; revoke one you no longer use first.")
        }
        let secret = prefix + TokenHash.newToken()
        let token = PersonalToken(userID: staff.userID, name: name, tokenHash: TokenHash.of(secret), expiresAt: expiry, createdAt: now)
        try await request.db.writeTransaction { database in
            try await token.create(on: database)
            try await AuditTrail.record(on: database, organisationID: staff.organisationID, at: now, actor: staff.auditActor,
                                        action: "personal-token.create", subject: name)
        }
        return Issued(token: token, secret: secret)
    }

    /// False when the user has no token with this id (another user's included).
    static func revoke(id: UUID?, for staff: StaffUser, on request: Request) async throws -> Bool {
        guard let id, let token = try await PersonalTokens.find(id: id, userID: staff.userID, on: request.db) else { return false }
        let now = request.kaiku.clock.now
        try await request.db.writeTransaction { database in
            try await token.delete(on: database)
            try await AuditTrail.record(on: database, organisationID: staff.organisationID, at: now, actor: staff.auditActor,
                                        action: "personal-token.revoke", subject: token.name)
        }
        return true
    }

    static func list(for staff: StaffUser, on request: Request) async throws -> [PersonalTokenDTO] {
        try await PersonalTokens.removeExpired(userID: staff.userID, now: request.kaiku.clock.now, on: request.db)
        return try await PersonalTokens.list(userID: staff.userID, on: request.db).map(PersonalTokenDTO.init)
    }
}
