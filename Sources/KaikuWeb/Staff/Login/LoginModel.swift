/// What the sign-in form shows: its own double-submit token (there is no
/// session yet), where to go afterwards, and why the last attempt failed.
struct LoginModel: Sendable {
    var csrf: String
    var next: String
    var email: String = ""
    /// Catalogue key of the reason the last attempt failed.
    var errorKey: String?
    var errorArguments: [String: String] = [:]
    /// Whether an organisation's provider is configured: then the page offers single sign-on first.
    var offersSingleSignOn = false
}
