import Foundation

/// Everything Kaiku needs to post text messages to an organisation's HTTP
/// SMS gateway. Read from the environment at start-up; tests build it in
/// code with short back-off so retries take milliseconds.
public struct SMSGatewayConfiguration: Sendable {
    /// Where messages are posted, e.g. `https://sms.example.fi/v1/messages`.
    public var url: URL
    public var authentication: SMSGatewayAuthentication
    public var payloadTemplate: SMSPayloadTemplate
    /// Shown to the recipient as the sender: up to 11 letters and digits, or a number.
    public var senderName: String
    /// For one attempt, until the gateway's answer starts arriving.
    public var timeout: TimeInterval
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    /// The first pause between attempts; each later one doubles, with jitter.
    public var baseBackoff: TimeInterval
    /// The longest pause between attempts, whether from back-off or from a
    /// gateway's `Retry-After`. Longer requests are reported as unavailable
    /// instead of holding the caller.
    public var longestWait: TimeInterval
    public var messageIDPath: SMSMessageIDPath

    public static let defaultSenderName = "Kaiku"

    public init(
        url: URL,
        authentication: SMSGatewayAuthentication = .none,
        payloadTemplate: SMSPayloadTemplate = .default,
        senderName: String = defaultSenderName,
        timeout: TimeInterval = 10,
        maxAttempts: Int = 4,
        baseBackoff: TimeInterval = 0.5,
        longestWait: TimeInterval = 30,
        messageIDPath: SMSMessageIDPath = .default
    ) {
        self.url = url
        self.authentication = authentication
        self.payloadTemplate = payloadTemplate
        self.senderName = senderName
        self.timeout = timeout
        self.maxAttempts = maxAttempts
        self.baseBackoff = baseBackoff
        self.longestWait = longestWait
        self.messageIDPath = messageIDPath
    }

    var retryPolicy: SMSRetryPolicy {
        SMSRetryPolicy(maxAttempts: max(1, maxAttempts), baseDelay: max(0, baseBackoff), longestWait: max(0, longestWait))
    }

    /// Reads `KAIKU_SMS_URL` (nil when unset or empty: SMS is off),
    /// `KAIKU_SMS_AUTH`, `KAIKU_SMS_PAYLOAD`, `KAIKU_SMS_SENDER`,
    /// `KAIKU_SMS_ID_PATH`, and the tuning knobs `KAIKU_SMS_TIMEOUT`,
    /// `KAIKU_SMS_MAX_ATTEMPTS` and `KAIKU_SMS_BACKOFF` (seconds).
    /// Any value that is set but unusable is an error naming the variable.
    public static func fromEnvironment(_ env: [String: String]) throws -> SMSGatewayConfiguration? {
        func value(_ name: String) -> String? {
            guard let raw = env[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else { return nil }
            return raw
        }
        guard let urlText = value("KAIKU_SMS_URL") else { return nil }
        var configuration = SMSGatewayConfiguration(url: try parseURL(urlText))
        if let auth = env["KAIKU_SMS_AUTH"] {
            configuration.authentication = try SMSConfigurationError.labelled("KAIKU_SMS_AUTH") {
                try SMSGatewayAuthentication(parsing: auth)
            }
        }
        if let payload = value("KAIKU_SMS_PAYLOAD") {
            configuration.payloadTemplate = try SMSConfigurationError.labelled("KAIKU_SMS_PAYLOAD") {
                try SMSPayloadTemplate(payload)
            }
        }
        if let sender = value("KAIKU_SMS_SENDER") {
            try validateSender(sender)
            configuration.senderName = sender
        }
        if let path = env["KAIKU_SMS_ID_PATH"] {
            configuration.messageIDPath = try SMSConfigurationError.labelled("KAIKU_SMS_ID_PATH") {
                try SMSMessageIDPath(parsing: path)
            }
        }
        if let timeout = value("KAIKU_SMS_TIMEOUT") {
            configuration.timeout = try seconds(timeout, variable: "KAIKU_SMS_TIMEOUT", allowZero: false)
        }
        if let backoff = value("KAIKU_SMS_BACKOFF") {
            configuration.baseBackoff = try seconds(backoff, variable: "KAIKU_SMS_BACKOFF", allowZero: true)
        }
        if let attempts = value("KAIKU_SMS_MAX_ATTEMPTS") {
            guard let count = Int(attempts), (1...20).contains(count) else {
                throw SMSConfigurationError(setting: "KAIKU_SMS_MAX_ATTEMPTS", problem: "\"\(attempts)\" is not a whole number from 1 to 20")
            }
            configuration.maxAttempts = count
        }
        return configuration
    }

    private static func parseURL(_ text: String) throws -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host, !host.isEmpty
        else {
            throw SMSConfigurationError(setting: "KAIKU_SMS_URL", problem: "\"\(text)\" is not an http:// or https:// address with a host")
        }
        return url
    }

    /// Operators cut longer alphanumeric senders or refuse the message, so
    /// the limit is checked here rather than discovered on a handset.
    private static func validateSender(_ sender: String) throws {
        let isNumber = sender.range(of: #"^\+?[0-9]{3,15}$"#, options: .regularExpression) != nil
        let isName = sender.range(of: #"^[A-Za-z0-9][A-Za-z0-9 ._-]{0,10}$"#, options: .regularExpression) != nil
        guard isNumber || isName else {
            throw SMSConfigurationError(
                setting: "KAIKU_SMS_SENDER",
                problem: "\"\(sender)\" must be up to 11 ASCII letters and digits, or a phone number of up to 15 digits"
            )
        }
    }

    private static func seconds(_ text: String, variable: String, allowZero: Bool) throws -> TimeInterval {
        guard let seconds = TimeInterval(text), seconds.isFinite, allowZero ? seconds >= 0 : seconds > 0, seconds <= 600 else {
            throw SMSConfigurationError(setting: variable, problem: "\"\(text)\" is not a number of seconds\(allowZero ? " from 0" : " above 0") up to 600")
        }
        return seconds
    }
}
