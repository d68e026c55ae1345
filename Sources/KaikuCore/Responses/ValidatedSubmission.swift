import Foundation

/// A submission that passed every rule, ready to be stored. Open text is
/// already masked: the raw text never leaves the validator.
public struct ValidatedSubmission: Sendable, Hashable {
    public var channel: Channel
    public var language: Language
    public var recommendation: Int?
    /// Statement answers by question id; `0` records "cannot say".
    public var statements: [String: Int]
    /// Background choices other than the respondent, e.g. `ageGroup`.
    public var choices: [String: String]
    public var respondent: Respondent?
    public var openText: String?
    public var maskedKinds: Set<MaskedKind>
    public var answeredAt: Date
    public var contact: ContactDetails?
    public var wantsAnswer: Bool
    /// Answers to the organisation's own choice (option id) and open (masked
    /// text) questions, by question id; own statements are in `statements`.
    public var ownAnswers: [String: String]

    public static let cannotSay = 0

    public init(
        channel: Channel, language: Language, recommendation: Int?, statements: [String: Int], choices: [String: String],
        respondent: Respondent?, openText: String?, maskedKinds: Set<MaskedKind>, answeredAt: Date,
        contact: ContactDetails?, wantsAnswer: Bool, ownAnswers: [String: String] = [:]
    ) {
        self.channel = channel
        self.language = language
        self.recommendation = recommendation
        self.statements = statements
        self.choices = choices
        self.respondent = respondent
        self.openText = openText
        self.maskedKinds = maskedKinds
        self.answeredAt = answeredAt
        self.contact = contact
        self.wantsAnswer = wantsAnswer
        self.ownAnswers = ownAnswers
    }
}
