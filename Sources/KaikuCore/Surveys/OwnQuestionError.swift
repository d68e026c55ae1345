/// Why an organisation's own questions were refused, naming the field
/// (`questions[2].options[0].text.sv`) so that both an API client and the
/// editor page can point at it.
public struct OwnQuestionError: Error, Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        case questionCount(min: Int, max: Int)
        case tooManyStatements(max: Int)
        case required
        case invalidID(maxLength: Int)
        case duplicateID
        case coreID
        case unknownType
        case optionCount(min: Int, max: Int)
        case optionsNotAllowed
        case textMissing(language: Language)
        case textTooLong(max: Int)
        case controlCharacters
    }

    public var field: String
    public var reason: Reason

    public init(field: String, reason: Reason) {
        self.field = field
        self.reason = reason
    }

    /// Key of the message in the fi/sv/en catalogues.
    public var messageKey: String {
        switch reason {
        case .questionCount: "survey.error.questionCount"
        case .tooManyStatements: "survey.error.tooManyStatements"
        case .required: "survey.error.required"
        case .invalidID: "survey.error.invalidID"
        case .duplicateID: "survey.error.duplicateID"
        case .coreID: "survey.error.coreID"
        case .unknownType: "survey.error.unknownType"
        case .optionCount: "survey.error.optionCount"
        case .optionsNotAllowed: "survey.error.optionsNotAllowed"
        case .textMissing: "survey.error.textMissing"
        case .textTooLong: "survey.error.textTooLong"
        case .controlCharacters: "survey.error.controlCharacters"
        }
    }

    /// Values for the message's `{placeholders}`.
    public var messageArguments: [String: String] {
        switch reason {
        case .questionCount(let min, let max), .optionCount(let min, let max): ["min": String(min), "max": String(max)]
        case .tooManyStatements(let max), .textTooLong(let max), .invalidID(let max): ["max": String(max)]
        case .textMissing(let language): ["language": language.rawValue]
        default: [:]
        }
    }

    /// The message for an API client, in English.
    public var message: String {
        switch reason {
        case .questionCount(let min, let max): "questions must hold \(min)–\(max) of the organisation's own questions (the national core is added by Kaiku)."
        case .tooManyStatements(let max): "At most \(max) own 1–5 statements fit after the national core's statements."
        case .required: "\(field) is required."
        case .invalidID(let max): "\(field) must be 1–\(max) characters of a–z, 0–9, _ and -."
        case .duplicateID: "\(field) is used twice; ids must be unique."
        case .coreID: "\(field) is a question of the national core, which cannot be edited; choose another id."
        case .unknownType: "\(field) must be one of scale1to5, choice, text."
        case .optionCount(let min, let max): "A choice question needs \(min)–\(max) options."
        case .optionsNotAllowed: "Only choice questions have options."
        case .textMissing(let language): "\(field) is required: the organisation offers the survey in \(language.rawValue)."
        case .textTooLong(let max): "\(field) must be at most \(max) characters."
        case .controlCharacters: "\(field) must not contain control characters."
        }
    }
}
