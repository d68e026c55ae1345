import FluentKit
import Foundation
import KaikuCore

/// One step in a case's history: who did what and when.
public final class CaseEvent: Model, @unchecked Sendable {
    public static let schema = "case_events"

    @ID(key: .id) public var id: UUID?
    @Field(key: "case_id") public var caseID: UUID
    @Field(key: "at") public var at: Date
    @Field(key: "kind") public var kind: String
    /// The staff member; nil for the customer or the system.
    @OptionalField(key: "actor_id") public var actorID: UUID?
    @OptionalField(key: "detail") public var detail: String?

    public init() {}

    public init(caseID: UUID, at: Date, kind: CaseEventKind, actorID: UUID? = nil, detail: String? = nil) {
        self.caseID = caseID
        self.at = at
        self.kind = kind.rawValue
        self.actorID = actorID
        self.detail = detail
    }
}
