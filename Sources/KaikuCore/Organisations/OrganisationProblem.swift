/// One thing wrong with an `OrganisationDraft`: which field and what, with
/// a sentence for the command line and the API (pages use the catalogue).
public struct OrganisationProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case code, nameFi = "name.fi", nameSv = "name.sv", nameEn = "name.en", languages, timeZone, promiseDays, promiseIn
    }

    public enum Kind: Sendable, Hashable {
        case required
        /// Not lowercase letters, digits and hyphens, or not 2–40 of them.
        case invalidCode
        /// Another organisation has this code.
        case codeTaken
        case tooLong
        case controlCharacters
        case unknownTimeZone
        case outOfRange
        case unknownPromiseUnit
    }

    public var field: Field
    public var kind: Kind

    public init(_ field: Field, _ kind: Kind) {
        self.field = field
        self.kind = kind
    }

    public var description: String {
        let limits = OrganisationRules.self
        switch (field, kind) {
        case (.code, .required):
            return "Give the organisation a code: \(limits.codeLength.lowerBound)–\(limits.codeLength.upperBound) lowercase letters a–z, digits and hyphens, e.g. pirkanmaa."
        case (.code, .invalidCode):
            return "The code must be \(limits.codeLength.lowerBound)–\(limits.codeLength.upperBound) lowercase letters a–z, digits and hyphens, starting with a letter or digit, e.g. pirkanmaa."
        case (.code, .codeTaken):
            return "Another organisation has this code already; choose another."
        case (.nameFi, .required):
            return "Give the organisation its Finnish name."
        case (_, .tooLong):
            return "The \(fieldName) may be at most \(limits.maxNameLength) characters."
        case (_, .controlCharacters):
            return "The \(fieldName) must not contain control characters."
        case (.timeZone, _):
            return "The time zone must be an IANA time zone such as Europe/Helsinki."
        case (.promiseDays, _):
            return "The answer promise must be \(limits.promiseDays.lowerBound)–\(limits.promiseDays.upperBound) days."
        case (.promiseIn, _):
            return "The promise counts calendarDays or workingDays."
        case (.languages, _):
            return "The languages offered are fi, sv and en; Finnish is always among them."
        default:
            return "The \(fieldName) is not valid."
        }
    }

    private var fieldName: String {
        switch field {
        case .code: "code"
        case .nameFi: "Finnish name"
        case .nameSv: "Swedish name"
        case .nameEn: "English name"
        case .languages: "list of languages"
        case .timeZone: "time zone"
        case .promiseDays: "answer promise"
        case .promiseIn: "way the promise counts days"
        }
    }
}
