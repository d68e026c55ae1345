import Foundation

/// SMTP AUTH (RFC 4954) with the two mechanisms every submission server
/// has: PLAIN, and LOGIN for older servers that offer nothing else.
///
/// Both send the password itself (base64 is no protection), which is why
/// `SMTPMailSender` authenticates only over TLS. Challenge-response schemes
/// such as CRAM-MD5 would need the password stored in a recoverable form on
/// the server and add nothing once the channel is encrypted.
struct SMTPAuthenticator: Sendable {
    let username: String
    let password: String

    /// Picks PLAIN when offered, else LOGIN. `offered` is the AUTH line of
    /// the EHLO reply (the mechanism names), nil when AUTH was not listed.
    func authenticate(over connection: SMTPConnection, offered: [String]?) async throws {
        guard let offered else { throw SMTPError.authenticationNotOffered }
        if offered.contains("PLAIN") {
            try await plain(connection)
        } else if offered.contains("LOGIN") {
            try await login(connection)
        } else {
            throw SMTPError.noSupportedAuthenticationMechanism(offered: offered)
        }
    }

    /// RFC 4616: authorisation identity (empty: the same as the user), user
    /// and password, separated by NUL, sent as the initial response so the
    /// exchange takes one round trip.
    private func plain(_ connection: SMTPConnection) async throws {
        let token = Self.base64("\0\(username)\0\(password)")
        try await connection.command("AUTH PLAIN \(token)", label: "AUTH PLAIN")
            .require(235...235, after: "AUTH PLAIN")
    }

    /// The de-facto LOGIN exchange: the server prompts (334) for the user
    /// name, then for the password, each sent base64-encoded on its own line.
    private func login(_ connection: SMTPConnection) async throws {
        try await connection.command("AUTH LOGIN", label: "AUTH LOGIN")
            .require(334...334, after: "AUTH LOGIN")
        try await connection.command(Self.base64(username), label: "AUTH LOGIN user name")
            .require(334...334, after: "AUTH LOGIN user name")
        try await connection.command(Self.base64(password), label: "AUTH LOGIN password")
            .require(235...235, after: "AUTH LOGIN password")
    }

    private static func base64(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
    }
}
