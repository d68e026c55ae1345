import KaikuCore

/// The inputs of the setup form, by the name each posts under (also its id).
enum SetupField: String, Sendable, CaseIterable {
    case code, nameFi, nameSv, nameEn, offerSv, offerEn, timeZone, promiseDays, promiseIn
    case adminName, adminEmail, adminPassword, adminPasswordAgain

    /// The input an error about an organisation's value belongs to.
    init(_ field: OrganisationProblem.Field) {
        switch field {
        case .code: self = .code
        case .nameFi: self = .nameFi
        case .nameSv: self = .nameSv
        case .nameEn: self = .nameEn
        case .languages: self = .offerSv
        case .timeZone: self = .timeZone
        case .promiseDays: self = .promiseDays
        case .promiseIn: self = .promiseIn
        }
    }

    /// The id of the element a link to this field should focus: a radio
    /// group's first choice, otherwise the input itself.
    var inputID: String {
        self == .promiseIn ? "promiseIn-calendarDays" : rawValue
    }

    /// The id of the message shown beside the field.
    var errorID: String { "error-" + rawValue }
}

/// One refusal of the setup form: where, and the catalogue key that says it.
struct SetupProblem: Sendable, Equatable {
    var field: SetupField
    var key: String
}
