import Foundation

/// A submission as a channel hands it over: loose strings, checked by
/// `SubmissionValidator` so that the JSON API and the HTML form share one set
/// of rules.
public struct SubmissionInput: Sendable {
    public struct Contact: Sendable, Hashable, Codable {
        public var name: String?
        public var email: String?
        public var phone: String?

        public init(name: String? = nil, email: String? = nil, phone: String? = nil) {
            self.name = name
            self.email = email
            self.phone = phone
        }
    }

    public var channel: String?
    public var language: String?
    public var answers: [String: AnswerValue]
    public var openText: String?
    public var respondent: String?
    public var answeredAt: Date?
    public var contact: Contact?
    public var wantsAnswer: Bool?
    /// Numbers typed as text ("5") are taken only from HTML forms, where every
    /// value is text; a JSON client that sends them has a bug worth telling.
    public var numbersAsText = false

    public init(
        channel: String?, language: String?, answers: [String: AnswerValue], openText: String? = nil,
        respondent: String? = nil, answeredAt: Date? = nil, contact: Contact? = nil, wantsAnswer: Bool? = nil
    ) {
        self.channel = channel
        self.language = language
        self.answers = answers
        self.openText = openText
        self.respondent = respondent
        self.answeredAt = answeredAt
        self.contact = contact
        self.wantsAnswer = wantsAnswer
    }
}
