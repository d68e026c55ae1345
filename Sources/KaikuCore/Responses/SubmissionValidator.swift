import Foundation

/// The one set of rules every channel's submissions pass through. Checks run
/// in the order a person reads the form, so the first error named is the
/// first one they meet.
public struct SubmissionValidator: Sendable {
    public static let maxOpenTextLength = 4_000
    /// An answer to one of the organisation's own open questions.
    public static let maxOwnTextLength = 2_000
    /// Kiosks and paper forms may hand answers in late, but not from before
    /// the previous reporting year.
    public static let maxAgeDays = 400
    /// Devices' clocks drift; an answer a few minutes "in the future" is real.
    public static let allowedClockSkew: TimeInterval = 300

    /// The last calendar day an answer stored by `now` can be dated, which
    /// lets reports treat the days after it as empty.
    public static func latestAnswerDay(now: Date, timeZone: TimeZone) -> CalendarDay {
        CalendarDay(date: now.addingTimeInterval(allowedClockSkew), timeZone: timeZone)
    }

    public var survey: SurveyDefinition
    public var requireRecommendation: Bool
    public var masker: TextMasker
    /// Questions of earlier survey versions: answers to them (from a kiosk
    /// that queued them offline) are left out instead of refusing the answer.
    public var retiredQuestionIDs: Set<String>

    public init(survey: SurveyDefinition, requireRecommendation: Bool = false, masker: TextMasker = TextMasker(),
                retiredQuestionIDs: Set<String> = []) {
        self.survey = survey
        self.requireRecommendation = requireRecommendation
        self.masker = masker
        self.retiredQuestionIDs = retiredQuestionIDs
    }

    /// The submission as stored, or the first problem with the others found beside it in
    /// `SubmissionError.more`: every part is checked, so a person at the form can fix all at once.
    public func validate(_ input: SubmissionInput, now: Date) throws(SubmissionError) -> ValidatedSubmission {
        var problems: [SubmissionError] = []
        func checked<T>(_ step: () throws(SubmissionError) -> T) -> T? {
            do throws(SubmissionError) { return try step() } catch { problems.append(error); return nil }
        }
        let channel = checked { () throws(SubmissionError) in try Self.parse(input.channel, field: "channel", as: Channel.self, reason: .unknownChannel) }
        let language = checked { () throws(SubmissionError) in
            try Self.parse(input.language, field: "language", as: Language.self, reason: .unknownLanguage)
        }
        let answers = checked { () throws(SubmissionError) in try validateAnswers(input.answers, numbersAsText: input.numbersAsText) }
        let respondent = checked { () throws(SubmissionError) in try validateRespondent(input.respondent ?? answers?.choices["respondent"]) }
        let open = checked { () throws(SubmissionError) in try validateOpenText(input.openText) }
        if let answers, let open,
           answers.recommendation == nil, answers.statements.isEmpty, open.0 == nil, answers.own.isEmpty {
            problems.append(SubmissionError(field: "answers", reason: .empty))
        }
        let answeredAt = checked { () throws(SubmissionError) in try validateAnsweredAt(input.answeredAt, now: now) }
        let contact = checked { () throws(SubmissionError) in try validateContact(input.contact, wantsAnswer: input.wantsAnswer) }
        guard problems.isEmpty, let channel, let language, let answers, let respondent, let open, let answeredAt, let contact else {
            var first = problems.first ?? SubmissionError(field: "answers", reason: .empty)
            first.more = Array(problems.dropFirst())
            throw first
        }
        var choices = answers.choices
        choices["respondent"] = nil
        return ValidatedSubmission(
            channel: channel, language: language, recommendation: answers.recommendation,
            statements: answers.statements, choices: choices, respondent: respondent,
            openText: open.0, maskedKinds: open.1.union(answers.maskedKinds), answeredAt: answeredAt,
            contact: contact.0, wantsAnswer: contact.1, ownAnswers: answers.own
        )
    }

    static func parse<T: RawRepresentable>(
        _ value: String?, field: String, as type: T.Type, reason: SubmissionError.Reason
    ) throws(SubmissionError) -> T where T.RawValue == String {
        guard let value, !value.isEmpty else { throw SubmissionError(field: field, reason: .required) }
        guard let parsed = T(rawValue: value) else { throw SubmissionError(field: field, reason: reason) }
        return parsed
    }

    private struct Answers {
        var recommendation: Int?
        var statements: [String: Int] = [:]
        var choices: [String: String] = [:]
        /// Own choices (option ids) and own open answers (masked).
        var own: [String: String] = [:]
        var maskedKinds: Set<MaskedKind> = []
    }

    private func validateAnswers(_ raw: [String: AnswerValue], numbersAsText: Bool) throws(SubmissionError) -> Answers {
        var answers = Answers()
        for id in raw.keys where survey.question(id) == nil && !retiredQuestionIDs.contains(id) {
            throw SubmissionError(field: "answers.\(id)", reason: .unknownQuestion)
        }
        for question in survey.questions {
            let field = "answers.\(question.id)"
            let value = raw[question.id] ?? .null
            switch question.type {
            case .scale0to10:
                if value.isEmpty {
                    if requireRecommendation { throw SubmissionError(field: field, reason: .required) }
                    continue
                }
                answers.recommendation = try Self.wholeNumber(value, in: 0...10, field: field, numbersAsText: numbersAsText)
            case .scale1to5:
                // An explicit null is "cannot say"; a missing key is no answer.
                guard let value = raw[question.id] else { continue }
                answers.statements[question.id] = value.isEmpty
                    ? ValidatedSubmission.cannotSay
                    : try Self.wholeNumber(value, in: 1...5, field: field, numbersAsText: numbersAsText)
            case .choice:
                guard !value.isEmpty else { continue }
                let allowed = question.options?.map(\.value) ?? []
                guard case .string(let choice) = value, allowed.contains(choice) else {
                    throw SubmissionError(field: field, reason: .notAnOption(allowed: allowed))
                }
                if question.isOwn { answers.own[question.id] = choice } else { answers.choices[question.id] = choice }
            case .text:
                guard question.isOwn, !value.isEmpty else { continue }
                guard case .string(let raw) = value else { throw SubmissionError(field: field, reason: .notText) }
                let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
                guard text.codePointCount <= Self.maxOwnTextLength else {
                    throw SubmissionError(field: field, reason: .tooLong(max: Self.maxOwnTextLength))
                }
                if text.containsStrayControlCharacters { throw SubmissionError(field: field, reason: .controlCharacters) }
                let masked = masker.mask(text)
                answers.own[question.id] = masked.text
                answers.maskedKinds.formUnion(masked.maskedKinds)
            }
        }
        return answers
    }

    static func wholeNumber(_ value: AnswerValue, in range: ClosedRange<Int>, field: String,
                            numbersAsText: Bool = true) throws(SubmissionError) -> Int {
        if case .string = value, !numbersAsText { throw SubmissionError(field: field, reason: .notWholeNumber) }
        guard let number = value.wholeNumber else { throw SubmissionError(field: field, reason: .notWholeNumber) }
        guard range.contains(number) else {
            throw SubmissionError(field: field, reason: .outOfRange(min: range.lowerBound, max: range.upperBound))
        }
        return number
    }

    private func validateRespondent(_ value: String?) throws(SubmissionError) -> Respondent? {
        guard let value, !value.isEmpty else { return nil }
        guard let respondent = Respondent(rawValue: value) else {
            throw SubmissionError(field: "respondent", reason: .notAnOption(allowed: Respondent.allCases.map(\.rawValue)))
        }
        return respondent
    }

    private func validateOpenText(_ raw: String?) throws(SubmissionError) -> (String?, Set<MaskedKind>) {
        let text = raw?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !text.isEmpty else { return (nil, []) }
        guard text.codePointCount <= Self.maxOpenTextLength else {
            throw SubmissionError(field: "openText", reason: .tooLong(max: Self.maxOpenTextLength))
        }
        if text.containsStrayControlCharacters {
            throw SubmissionError(field: "openText", reason: .controlCharacters)
        }
        let masked = masker.mask(text)
        return (masked.text, masked.maskedKinds)
    }

    private func validateAnsweredAt(_ value: Date?, now: Date) throws(SubmissionError) -> Date {
        guard let value else { return now }
        if value.timeIntervalSince(now) > Self.allowedClockSkew {
            throw SubmissionError(field: "answeredAt", reason: .inFuture)
        }
        if now.timeIntervalSince(value) > Double(Self.maxAgeDays) * 86_400 {
            throw SubmissionError(field: "answeredAt", reason: .tooOld(days: Self.maxAgeDays))
        }
        return min(value, now)
    }

    private func validateContact(
        _ input: SubmissionInput.Contact?, wantsAnswer: Bool?
    ) throws(SubmissionError) -> (ContactDetails?, Bool) {
        func clean(_ value: String?) -> String? {
            let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return trimmed.isEmpty ? nil : trimmed
        }
        let name = clean(input?.name)
        let email = clean(input?.email)
        let phone = clean(input?.phone)
        if let name, name.count > ContactDetails.maxNameLength {
            throw SubmissionError(field: "contact.name", reason: .tooLong(max: ContactDetails.maxNameLength))
        }
        if let name, name.containsStrayControlCharacters {
            throw SubmissionError(field: "contact.name", reason: .controlCharacters)
        }
        if let email, !ContactDetails.isPlausibleEmail(email) {
            throw SubmissionError(field: "contact.email", reason: .invalidEmail)
        }
        var normalisedPhone: String?
        if let phone {
            guard let normalised = ContactDetails.normalisedPhone(phone) else {
                throw SubmissionError(field: "contact.phone", reason: .invalidPhone)
            }
            normalisedPhone = normalised
        }
        let reachable = email != nil || normalisedPhone != nil
        // Leaving an address implies wanting an answer unless the customer said otherwise.
        let wants = wantsAnswer ?? reachable
        guard wants else { return (nil, false) }
        guard reachable else { throw SubmissionError(field: "contact", reason: .contactNeeded) }
        return (ContactDetails(name: name, email: email, phone: normalisedPhone), true)
    }
}
