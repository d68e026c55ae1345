import Foundation
import KaikuCore

/// One idea's page as plain values: the idea, its comments, and for its
/// handlers (administrators and its owner) the choices of the handling form.
struct IdeaModel {
    struct Comment: Equatable {
        var author: String
        var written: String
        var text: String
    }

    /// What the handling form offers: the present status and the next ones, the staff and the categories.
    struct Handling {
        var statuses: [IdeaStatus]
        var owners: [(id: String, name: String)]
        var categories: [(code: String, name: String)]
    }

    var id: UUID
    var title: String
    var description: String
    var status: IdeaStatus
    var category: String
    var categoryCode: String
    var unit: String
    var submitted: String
    var submitter: String?
    var anonymous: Bool
    var mine: Bool
    var owner: String?
    var ownerID: UUID?
    var comments: [Comment]
    /// Nil for a staff member who may only read and comment.
    var handling: Handling?
    var problem: IdeaProblem?
    /// A comment refused, as typed.
    var draftComment = ""
    var notice: String?

    /// The statuses the handling form offers: where the idea is, and where it may go.
    static func statusChoices(from status: IdeaStatus) -> [IdeaStatus] { [status] + status.next }

    static let doneKinds = ["handled", "commented"]

    static func notice(done: String?) -> String? {
        guard let done, doneKinds.contains(done) else { return nil }
        return "staff.ideas.done.\(done)"
    }
}
