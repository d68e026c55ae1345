import Foundation
import KaikuCore

/// The target editor, new or existing, as plain values.
struct TargetFormModel: Sendable {
    /// nil for a new target; the code of the one being edited otherwise.
    var editing: String?
    var form: TargetForm
    /// Catalogue keys (under `staff.admin.targets.error.`) per form field.
    var errors: [String: String] = [:]
    var saved = false
    var units: [UnitOption]
    /// Where the target can be seen and printed once it exists.
    var links: (form: String, card: String)?

    /// Form fields in page order, with the id each input carries, so the
    /// error summary can link to the first one wrong.
    static let fieldOrder: [(field: String, input: String)] = [
        ("code", "f-code"), ("unit", "f-unit"), ("name.fi", "f-nameFi"), ("name.sv", "f-nameSv"), ("name.en", "f-nameEn"), ("keywords", "f-keywords"),
    ]

    /// The errors in page order: (input id, catalogue key).
    var orderedErrors: [(input: String, key: String)] {
        Self.fieldOrder.compactMap { entry in errors[entry.field].map { (entry.input, $0) } }
    }
}
