/// What the sign-in form shows: its own double-submit token (there is no
/// session yet), where to go afterwards, and why the last attempt failed.
struct LoginModel: Sendable {
    var csrf: String
    var next: String
    var email: String = ""
    /// Catalogue key of the reason the last attempt failed.
    var errorKey: String?
    var errorArguments: [String: String] = [:]
    /// The organisations whose staff can sign in through their provider: then the page offers
    /// single sign-on first, a button for each (with one, a button without an organisation).
    var singleSignOn: [SingleSignOnChoice] = []

    struct SingleSignOnChoice: Sendable {
        var code: String?
        var name: String?
    }
}
