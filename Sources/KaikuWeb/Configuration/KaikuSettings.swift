import Fluent
import Foundation
import KaikuSMS
import KaikuSMTP
import KaikuStore
import Logging

/// Configuration from the environment, with safe defaults for the embedded
/// mode: with nothing set, Kaiku keeps its data in SQLite under `./kaiku-data`.
/// Every variable Kaiku reads is read here, once, before any command opens
/// the database; a value that cannot work stops start-up with a
/// `SettingsProblem` naming the variable and what to do.
public struct KaikuSettings: Sendable {
    public var database: DatabaseLocation
    public var adminEmail: String?
    public var adminPassword: String?
    /// The installation administrator (`KAIKU_OPERATOR_EMAIL`/`KAIKU_OPERATOR_PASSWORD`), who creates organisations.
    public var operatorEmail: String?
    public var operatorPassword: String?
    public var tokenLifetime: TimeInterval
    /// The address QR codes and short links point to, e.g. `https://palaute.example.fi`.
    public var publicBaseURL: String?
    public var autoMigrate: Bool
    /// Bcrypt work factor for staff passwords; tests lower it to stay fast.
    public var passwordCost: Int = 12
    /// Base64 AES-256 key for contact details at rest (`KAIKU_ENCRYPTION_KEY`).
    public var encryptionKey: String?
    /// Whether this instance polls the job table (reminders, escalations, purges).
    public var runJobs: Bool = false
    /// How long a staff page session lasts without signing in again.
    public var sessionLifetime: TimeInterval = 8 * 3600
    /// `Secure` on session cookies: forced on or off by `KAIKU_SECURE_COOKIES`;
    /// when unset, on for every host except loopback, where the demo serves plain HTTP.
    public var secureCookies: Bool?
    /// The secret the SMS gateway sends with delivery reports
    /// (`KAIKU_SMS_WEBHOOK_TOKEN`); without it the webhook is off.
    public var smsWebhookToken: String?
    /// Who may frame the public widget (`KAIKU_WIDGET_FRAME_ANCESTORS`): a CSP
    /// source list such as `https://www.example-hyvinvointialue.fi`; any site by default.
    public var widgetFrameAncestors: String = "*"
    /// A connection that sends nothing for this long, a request head half-sent
    /// included, is closed, so that idle connections cannot pile up.
    public var idleTimeout: TimeInterval = 30
    /// Below this much free space beside the embedded database, `/readyz` says 503.
    public var minimumFreeDiskBytes: Int64 = 16 * 1024 * 1024
    /// Reverse proxies whose `X-Forwarded-For` names the client (`KAIKU_TRUSTED_PROXIES`); none by default.
    public var trustedProxies = TrustedProxies()
    /// Answers that open a case one client address may send a minute (`KAIKU_CASE_RATE_LIMIT`).
    public var caseRateLimit = 20
    /// The mail server (`KAIKU_SMTP_*`); without it e-mail is written to the log.
    public var smtp: SMTPConfiguration?
    /// The SMS gateway (`KAIKU_SMS_*`); without it text messages are written to the log.
    public var smsGateway: SMSGatewayConfiguration?
    /// `LOG_LEVEL`, when set; each command has its own default.
    public var logLevel: Logger.Level?
    /// The optional language model (`KAIKU_LLM_*`); without it the local classifier alone labels answers.
    public var languageModel: LanguageModelConfiguration?
    /// The first organisation's single sign-on provider (`KAIKU_OIDC_*`); without it staff sign in with passwords.
    public var oidc: OIDCProviderSettings?

    public init(
        database: DatabaseLocation, adminEmail: String? = nil, adminPassword: String? = nil,
        tokenLifetime: TimeInterval = 12 * 3600, publicBaseURL: String? = nil, autoMigrate: Bool = true
    ) {
        self.database = database
        self.adminEmail = adminEmail
        self.adminPassword = adminPassword
        self.tokenLifetime = tokenLifetime
        self.publicBaseURL = publicBaseURL
        self.autoMigrate = autoMigrate
    }

    public static let defaultDataDirectory = "kaiku-data"

    /// Reads and checks every setting. `dataDirectory` is `--data-dir`: it
    /// wins over `DATABASE_URL` and, like `KAIKU_DATA_DIR`, is created when
    /// missing; the directory of a SQLite `DATABASE_URL` must already exist.
    public static func from(environment: [String: String], dataDirectory: String?) throws -> KaikuSettings {
        // Bounded, so that no setting reaches a trapping conversion (cookie max-age is an Int).
        let hours = min(max(environment["KAIKU_TOKEN_HOURS"].flatMap(Double.init) ?? 12, 0.1), 24 * 365)
        // The database last: it may make a data directory, which a mistake elsewhere should not leave behind.
        var settings = KaikuSettings(
            database: .sqliteMemory,
            adminEmail: environment["KAIKU_ADMIN_EMAIL"].flatMap { $0.isEmpty ? nil : $0 },
            adminPassword: environment["KAIKU_ADMIN_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 },
            tokenLifetime: hours * 3600,
            publicBaseURL: environment["KAIKU_PUBLIC_URL"],
            autoMigrate: environment["KAIKU_AUTO_MIGRATE"] != "false"
        )
        settings.encryptionKey = environment["KAIKU_ENCRYPTION_KEY"]
        let installationOperator = try operatorCredentials(in: environment, adminEmail: settings.adminEmail)
        settings.operatorEmail = installationOperator?.email
        settings.operatorPassword = installationOperator?.password
        settings.runJobs = environment["KAIKU_RUN_JOBS"] != "false"
        settings.sessionLifetime = min(max(environment["KAIKU_SESSION_HOURS"].flatMap(Double.init) ?? 8, 0.1), 24 * 365) * 3600
        if let seconds = environment["KAIKU_IDLE_TIMEOUT"].flatMap(Double.init), (1...3_600).contains(seconds) {
            settings.idleTimeout = seconds
        }
        if let megabytes = environment["KAIKU_MIN_FREE_DISK_MB"].flatMap(Int64.init), (0...1_000_000).contains(megabytes) {
            settings.minimumFreeDiskBytes = megabytes * 1024 * 1024
        }
        settings.smsWebhookToken = environment["KAIKU_SMS_WEBHOOK_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        settings.widgetFrameAncestors = widgetFrameAncestors(environment["KAIKU_WIDGET_FRAME_ANCESTORS"])
        settings.trustedProxies = try TrustedProxies(environment["KAIKU_TRUSTED_PROXIES"] ?? "")
        if let raw = environment["KAIKU_CASE_RATE_LIMIT"], !raw.isEmpty {
            guard let limit = Int(raw), (1...100_000).contains(limit) else { throw CaseRateLimitSettingError(value: raw) }
            settings.caseRateLimit = limit
        }
        settings.secureCookies = environment["KAIKU_SECURE_COOKIES"].flatMap { ["true": true, "false": false][$0] }
        settings.logLevel = try logLevel(in: environment)
        settings.smtp = try messaging { try SMTPConfiguration.fromEnvironment(environment) }
        settings.smsGateway = try messaging { try SMSGatewayConfiguration.fromEnvironment(environment) }
        settings.languageModel = try languageModel(in: environment)
        settings.oidc = try OIDCProviderSettings.fromEnvironment(environment)
        settings.database = try databaseLocation(environment: environment, dataDirectory: dataDirectory)
        try checkEncryptionKey(environment["KAIKU_ENCRYPTION_KEY"], for: settings.database)
        return settings
    }

    /// Keeps only what a CSP source list may hold, so that a stray `;` in
    /// the variable cannot add directives to the header; `*` when nothing is left.
    static func widgetFrameAncestors(_ raw: String?) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789*:/.-_'")
        let sources = (raw ?? "").split(whereSeparator: { $0 == " " || $0 == "," })
            .filter { !$0.isEmpty && $0.unicodeScalars.allSatisfy(allowed.contains) }
        return sources.isEmpty ? "*" : sources.joined(separator: " ")
    }
}

extension KaikuSettings {
    struct CaseRateLimitSettingError: Error, CustomStringConvertible {
        var value: String
        var description: String { "KAIKU_CASE_RATE_LIMIT must be a whole number from 1 to 100000 (answers opening a case per client address a minute), not \(value)." }
    }

    /// `LOG_LEVEL`, or nil when unset or empty.
    public static func logLevel(in environment: [String: String]) throws -> Logger.Level? {
        guard let raw = environment["LOG_LEVEL"]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        guard let level = Logger.Level(rawValue: raw.lowercased()) else {
            let names = Logger.Level.allCases.map(\.rawValue)
            throw SettingsProblem(variable: "LOG_LEVEL", message: "LOG_LEVEL must be one of \(names.dropLast().joined(separator: ", ")) or \(names.last ?? ""), not '\(raw)'.")
        }
        return level
    }

    /// The mail and SMS settings' own errors, as sentences that name the variable.
    private static func messaging<Value>(_ read: () throws -> Value) throws -> Value {
        do {
            return try read()
        } catch let error as SMTPError {
            guard case .invalidConfiguration(let detail) = error else { throw error }
            let variable = detail.components(separatedBy: CharacterSet(charactersIn: " :=/'")).first { $0.hasPrefix("KAIKU_SMTP_") } ?? "KAIKU_SMTP_HOST"
            throw SettingsProblem(variable: variable, message: SettingsProblem.sentence(detail) + " Correct it, or unset KAIKU_SMTP_HOST to write e-mail to the log instead.")
        } catch let error as SMSConfigurationError {
            throw SettingsProblem(variable: error.setting, message: SettingsProblem.sentence("\(error.setting): \(error.problem)") + " Correct it, or unset KAIKU_SMS_URL to write text messages to the log instead.")
        }
    }
}
