import Foundation
import KaikuCore

/// Why an idea, a change or a filter was refused: the API answers it as a
/// `FieldError`, the pages as a catalogue message beside the field.
enum IdeaProblem: Error, Equatable {
    case text(IdeaText.Problem)
    case unknownUnit
    case unknownCategory
    case unknownStatus
    case unknownOwner
    case badYear
    case badLanguage
    case transition(from: IdeaStatus, to: IdeaStatus)
    /// Only administrators and the idea's owner handle an idea.
    case notHandler

    /// Runs `body`, answering an idea problem as the API's field error.
    static func answered<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let problem as IdeaProblem {
            throw problem.fieldError
        }
    }

    var field: String {
        switch self {
        case .text(let problem): problem.field.rawValue
        case .unknownUnit: "unit"
        case .unknownCategory: "category"
        case .unknownStatus, .transition: "status"
        case .unknownOwner: "owner"
        case .badYear: "year"
        case .badLanguage: "language"
        case .notHandler: "id"
        }
    }

    var fieldError: FieldError {
        switch self {
        case .text(.missing(let field)):
            FieldError(field: field.rawValue, message: "\(field.rawValue) is required.")
        case .text(.tooLong(let field)):
            FieldError(field: field.rawValue, message: "\(field.rawValue) may be at most \(field.maxLength) characters long.")
        case .text(.controlCharacters(let field)):
            FieldError(field: field.rawValue, message: "\(field.rawValue) contains control characters; remove them and send again.")
        case .unknownUnit:
            FieldError(field: field, message: "unit must be the code of a unit of your organisation.")
        case .unknownCategory:
            FieldError(field: field, message: "category must be the code of one of your organisation's idea categories (GET /api/v1/ideas/stats lists them).")
        case .unknownStatus:
            FieldError(field: field, message: "status must be one of \(IdeaStatus.names).")
        case .unknownOwner:
            FieldError(field: field, message: "owner must be the id of an active staff member of your organisation.")
        case .badYear:
            FieldError(field: field, message: "year must be a year such as 2026.")
        case .badLanguage:
            FieldError(field: field, message: "language must be one of fi, sv, en.")
        case .transition(let from, let to):
            FieldError(status: .conflict, field: field, message: from.next.isEmpty
                ? "The idea is \(from.rawValue) and cannot move to \(to.rawValue); a \(from.rawValue) idea stays so."
                : "The idea is \(from.rawValue) and cannot move to \(to.rawValue); it can move to \(from.next.map(\.rawValue).joined(separator: " or ")).")
        case .notHandler:
            FieldError(status: .forbidden, field: nil, message: "Only administrators and the idea's owner may change an idea.")
        }
    }

    /// The catalogue key of the page's message.
    var messageKey: String {
        switch self {
        case .text(.missing(let field)): "staff.ideas.error.missing.\(field.rawValue)"
        case .text(.tooLong(let field)): "staff.ideas.error.tooLong.\(field.rawValue)"
        case .text(.controlCharacters): "staff.ideas.error.control"
        case .unknownUnit: "staff.ideas.error.unit"
        case .unknownCategory: "staff.ideas.error.category"
        case .unknownStatus, .badYear, .badLanguage: "staff.ideas.error.status"
        case .unknownOwner: "staff.ideas.error.owner"
        case .transition: "staff.ideas.error.transition"
        case .notHandler: "staff.ideas.forbidden"
        }
    }
}
