import Vapor

/// Why a target was not added or changed: every problem found, each with
/// the field it concerns, a catalogue key for the pages and an English
/// message for the API (which answers with the first).
struct TargetRefusal: Error {
    struct Problem: Sendable, Equatable {
        var field: String
        /// Under `staff.admin.targets.error.`: code, codeTaken, unit, unitClosed, name, keywords.
        var key: String
        var message: String

        static let messageKeys = ["code", "codeTaken", "unit", "unitClosed", "name", "keywords"]
    }

    var status: HTTPResponseStatus = .badRequest
    var problems: [Problem]

    var fieldError: FieldError {
        FieldError(status: status, field: problems.first?.field, message: problems.first?.message ?? "The target was not saved.")
    }

    /// The page's message key per form field (`name.fi` and friends share one).
    var keysByField: [String: String] {
        Dictionary(problems.map { ($0.field, $0.key) }, uniquingKeysWith: { first, _ in first })
    }
}
