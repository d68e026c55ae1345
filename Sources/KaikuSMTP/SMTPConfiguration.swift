import Foundation

/// Where and how Kaiku hands its e-mail to a mail server.
///
/// The default security is STARTTLS with certificate verification, and the
/// sender never falls back to plaintext or sends a password unencrypted: a
/// feedback system mails customers' own words, so a misconfigured relay
/// should fail loudly rather than leak quietly.
public struct SMTPConfiguration: Sendable, Hashable {
    public enum Security: String, Sendable, Hashable, CaseIterable {
        /// Plaintext. Only for a relay on the same host or a trusted network.
        case none
        /// Plaintext greeting, then upgrade with STARTTLS (RFC 3207); usually port 587.
        case startTLS = "starttls"
        /// TLS from the first byte ("implicit TLS", RFC 8314); usually port 465.
        case tls
    }

    public var host: String
    public var port: Int
    public var security: Security
    /// With a password, the sender authenticates (AUTH PLAIN, or LOGIN when
    /// that is all the server offers).
    public var username: String?
    public var password: String?
    /// The envelope sender and From address, e.g. `palaute@kunta.fi`.
    public var fromAddress: String
    /// Shown as the sender's name, e.g. "Kaiku – Asiakaspalaute"; may be non-ASCII.
    public var fromName: String?
    /// The name given in EHLO. Some relays check it, so it is settable.
    public var heloName: String
    /// How long to wait for the connection and for each reply.
    public var timeout: Duration
    /// A PEM file of CA certificates to trust *instead of* the system's. For
    /// tests against a throwaway certificate; leave nil in production.
    public var trustedCertificatesFile: String?

    public init(
        host: String, port: Int? = nil, security: Security = .startTLS,
        username: String? = nil, password: String? = nil,
        fromAddress: String, fromName: String? = nil,
        heloName: String? = nil, timeout: Duration = .seconds(30),
        trustedCertificatesFile: String? = nil
    ) {
        self.host = host
        self.port = port ?? Self.defaultPort(for: security)
        self.security = security
        self.username = username
        self.password = password
        self.fromAddress = fromAddress
        self.fromName = fromName
        self.heloName = heloName ?? Self.defaultHeloName()
        self.timeout = timeout
        self.trustedCertificatesFile = trustedCertificatesFile
    }

    /// The well-known submission port for each kind of security.
    public static func defaultPort(for security: Security) -> Int {
        switch security {
        case .none: 25
        case .startTLS: 587
        case .tls: 465
        }
    }

    /// Reads `KAIKU_SMTP_*`. Returns nil when `KAIKU_SMTP_HOST` is unset or
    /// empty (Kaiku then sends no mail); throws `SMTPError.invalidConfiguration`
    /// naming the variable when a value is unusable, so a typo stops the
    /// server at start-up instead of losing mail later.
    ///
    /// `KAIKU_SMTP_SECURITY` defaults to `tls` when the port is 465 and to
    /// `starttls` otherwise; the port defaults by security (25/587/465).
    /// `KAIKU_SMTP_HELO_NAME` optionally overrides the EHLO name.
    public static func fromEnvironment(_ environment: [String: String]) throws -> SMTPConfiguration? {
        func value(_ name: String) -> String? {
            guard let raw = environment[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }
        func invalid(_ message: String) -> SMTPError { .invalidConfiguration(message) }

        guard let host = value("KAIKU_SMTP_HOST") else { return nil }

        var port: Int?
        if let text = value("KAIKU_SMTP_PORT") {
            guard let number = Int(text), (1...65535).contains(number) else {
                throw invalid("KAIKU_SMTP_PORT must be a port number from 1 to 65535, not '\(text)'")
            }
            port = number
        }

        let security: Security
        if let text = value("KAIKU_SMTP_SECURITY") {
            guard let parsed = Security(rawValue: text.lowercased()) else {
                throw invalid("KAIKU_SMTP_SECURITY must be none, starttls or tls, not '\(text)'")
            }
            security = parsed
        } else {
            security = port == 465 ? .tls : .startTLS
        }

        // Raw values: a password may well begin or end with a space.
        let username = environment["KAIKU_SMTP_USERNAME"].flatMap { $0.isEmpty ? nil : $0 }
        let password = environment["KAIKU_SMTP_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        if (username == nil) != (password == nil) {
            throw invalid("set both KAIKU_SMTP_USERNAME and KAIKU_SMTP_PASSWORD, or neither")
        }
        if username != nil, security == .none {
            throw invalid("KAIKU_SMTP_SECURITY=none would send the SMTP password unencrypted; use starttls or tls")
        }

        guard let from = value("KAIKU_SMTP_FROM") else {
            throw invalid("KAIKU_SMTP_FROM (the sender address) is required when KAIKU_SMTP_HOST is set")
        }
        let fromName = value("KAIKU_SMTP_FROM_NAME")
        do {
            _ = try SMTPAddress(address: from, displayName: fromName, field: "KAIKU_SMTP_FROM")
        } catch let error as SMTPError {
            throw invalid("KAIKU_SMTP_FROM / KAIKU_SMTP_FROM_NAME: \(error)")
        }

        let heloName = value("KAIKU_SMTP_HELO_NAME")
        if let heloName, !isValidHeloName(heloName) {
            throw invalid("KAIKU_SMTP_HELO_NAME must be a host name, not '\(heloName)'")
        }

        return SMTPConfiguration(
            host: host, port: port, security: security, username: username, password: password,
            fromAddress: from, fromName: fromName, heloName: heloName)
    }

    /// Whether `name` can follow EHLO: a domain name or an address literal
    /// such as `[192.0.2.1]`. Anything else, a space or line break above all,
    /// would let the setting smuggle extra SMTP commands into the session.
    public static func isValidHeloName(_ name: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]")
        return !name.isEmpty && name.count <= 253 && name.allSatisfy(allowed.contains)
    }

    /// The machine's host name when it is usable in EHLO, else "localhost".
    private static func defaultHeloName() -> String {
        let name = ProcessInfo.processInfo.hostName
        return isValidHeloName(name) ? name : "localhost"
    }
}

extension SMTPConfiguration: CustomStringConvertible {
    /// Everything but the password, so the configuration can be logged.
    public var description: String {
        "SMTP \(security.rawValue) \(host):\(port) from \(fromAddress)"
            + (username.map { " as \($0) (password hidden)" } ?? "")
    }
}
