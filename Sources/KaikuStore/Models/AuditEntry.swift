import FluentKit
import Foundation

/// One administrative change: who made it, when, what it touched, and the
/// values before and after as JSON (null where there was nothing).
public final class AuditEntry: Model, @unchecked Sendable {
    public static let schema = "audit_log"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "at") public var at: Date
    /// The signed-in user; nil for the command line and the first-start setup.
    @OptionalField(key: "actor_id") public var actorID: UUID?
    /// The user's e-mail address, or how the change came in (`AuditActor`).
    @Field(key: "actor") public var actor: String
    /// What was done, `area.verb`: `units.import`, `target.update`, `survey.publish`, `user.update`, `settings.update`…
    @Field(key: "action") public var action: String
    /// What it was done to: a unit or target code, a user's e-mail address, a survey version.
    @Field(key: "subject") public var subject: String
    @OptionalField(key: "before") public var before: String?
    @OptionalField(key: "after") public var after: String?

    public init() {}

    public init(organisationID: UUID, at: Date, actor: AuditActor, action: String, subject: String, before: String?, after: String?) {
        self.organisationID = organisationID
        self.at = at
        self.actorID = actor.userID
        self.actor = actor.label
        self.action = action
        self.subject = subject
        self.before = before
        self.after = after
    }
}
