import Foundation

/// Who made an administrative change, as the audit log names them.
public struct AuditActor: Sendable, Hashable {
    public var userID: UUID?
    public var label: String

    public init(userID: UUID?, label: String) {
        self.userID = userID
        self.label = label
    }

    /// A signed-in user (or API token holder), named by e-mail address.
    public static func user(_ id: UUID, email: String) -> AuditActor { AuditActor(userID: id, label: email) }
    /// A `kaiku` command run on the server.
    public static let commandLine = AuditActor(userID: nil, label: "command line")
    /// The one-time first-start setup page.
    public static let setup = AuditActor(userID: nil, label: "first-start setup")
    /// The installation administrator (`KAIKU_OPERATOR_EMAIL`), who is no user of any organisation.
    public static func installationOperator(email: String) -> AuditActor { AuditActor(userID: nil, label: "operator \(email)") }
}
