/// Why a submission was refused, naming the field so that both an API client
/// and a person at the form can act on it.
public struct SubmissionError: Error, Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        case required
        case unknownTarget
        case unknownChannel
        case unknownLanguage
        case unknownQuestion
        case notWholeNumber
        case outOfRange(min: Int, max: Int)
        case notAnOption(allowed: [String])
        case tooLong(max: Int)
        case controlCharacters
        case invalidEmail
        case invalidPhone
        case contactNeeded
        case inFuture
        case tooOld(days: Int)
        case invalidDate
        case empty
        case notText
    }

    public var field: String
    public var reason: Reason
    /// The other problems found in the same submission, for a form that shows them all at once;
    /// the API names the first only.
    public var more: [SubmissionError] = []

    /// This problem and the others found beside it.
    public var all: [SubmissionError] {
        var first = self
        first.more = []
        return [first] + more
    }

    public init(field: String, reason: Reason) {
        self.field = field
        self.reason = reason
    }

    /// Key of the message in the fi/sv/en catalogues.
    public var messageKey: String {
        switch reason {
        case .required: "error.required"
        case .unknownTarget: "error.unknownTarget"
        case .unknownChannel: "error.unknownChannel"
        case .unknownLanguage: "error.unknownLanguage"
        case .unknownQuestion: "error.unknownQuestion"
        case .notWholeNumber: "error.notWholeNumber"
        case .outOfRange: "error.outOfRange"
        case .notAnOption: "error.notAnOption"
        case .tooLong: "error.tooLong"
        case .controlCharacters: "error.controlCharacters"
        case .invalidEmail: "error.invalidEmail"
        case .invalidPhone: "error.invalidPhone"
        case .contactNeeded: "error.contactNeeded"
        case .inFuture: "error.inFuture"
        case .tooOld: "error.tooOld"
        case .invalidDate: "error.invalidDate"
        case .empty: "error.empty"
        case .notText: "error.notText"
        }
    }

    /// Values for the message's `{placeholders}`.
    public var messageArguments: [String: String] {
        var arguments = ["field": field]
        switch reason {
        case .outOfRange(let min, let max):
            arguments["min"] = String(min)
            arguments["max"] = String(max)
        case .notAnOption(let allowed):
            arguments["allowed"] = allowed.joined(separator: ", ")
        case .tooLong(let max):
            arguments["max"] = String(max)
        case .tooOld(let days):
            arguments["days"] = String(days)
        default:
            break
        }
        return arguments
    }
}
