import Foundation
import KaikuCore

/// The form for a new idea as plain values: the choices, what was typed
/// (kept when the form is refused) and the problem to show beside its field.
struct IdeaFormModel {
    struct Draft: Equatable {
        var title = ""
        var description = ""
        var category = ""
        var unit = ""
        var anonymous = false
    }

    var categories: [(code: String, name: String)]
    var units: [UnitOption]
    var draft: Draft
    var problem: IdeaProblem?

    /// The id of the field the problem concerns, for the error summary's link.
    var errorField: String? { problem.map { "f-\($0.field)" } }

    func invalid(_ field: String) -> Bool { problem?.field == field }
}
