import Foundation
import KaikuCore

/// A validated submission with everything resolved that storing it needs.
public struct NewResponse: Sendable {
    public var id: UUID
    public var organisationID: UUID
    public var targetID: UUID
    public var unitID: UUID
    public var surveyID: UUID
    public var submission: ValidatedSubmission
    public var receivedAt: Date
    /// `yyyymmdd` of `answeredAt` in the organisation's time zone.
    public var localDay: Int
    public var receipt: String
    public var idempotencyKey: String?
    /// Fingerprint of the request, so that a reused key with another body is refused.
    public var requestHash: String?
    /// The case this answer opens, when the customer asked for an answer.
    public var caseOpening: CaseOpening?
    /// Themes and sentiment of the open text, found as the answer arrives so
    /// that inboxes and reports can filter by them.
    public var classification: TextClassification?
    /// What found them: the organisation's classifier, or the lexicons when it has learned nothing yet.
    public var classifiedWith: ClassificationSource?
    /// Statement answers by their slot in the survey's statement order, for rollups.
    public var statementSlots: [(slot: Int, value: Int)]
    /// How many statements the answer's survey has.
    public var statementCount: Int
    /// Whether the customer is sent a confirmation when this opens a case with an e-mail address:
    /// true for submissions, false for seeded and generated answers, whose addresses are made up.
    public var confirmsByEmail = false

    public init(
        id: UUID = UUID(), organisationID: UUID, targetID: UUID, unitID: UUID, surveyID: UUID,
        submission: ValidatedSubmission, statementOrder: [String], receivedAt: Date, timeZone: TimeZone,
        receipt: String = ReceiptCode.make(), idempotencyKey: String? = nil, requestHash: String? = nil,
        promise: AnswerPromise? = nil, classifier: FeedbackClassifier? = nil
    ) {
        self.id = id
        self.organisationID = organisationID
        self.targetID = targetID
        self.unitID = unitID
        self.surveyID = surveyID
        self.submission = submission
        self.receivedAt = receivedAt
        self.localDay = CalendarDay(date: submission.answeredAt, timeZone: timeZone).rawValue
        self.receipt = receipt
        self.idempotencyKey = idempotencyKey
        self.requestHash = requestHash
        let slots = Dictionary(statementOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        statementCount = statementOrder.count
        statementSlots = submission.statements.compactMap { id, value in slots[id].map { ($0, value) } }
        if let text = submission.openText {
            let classifier = classifier ?? .untrained()
            classification = classifier.classify(text, language: submission.language)
            classifiedWith = classifier.source
        }
        if let promise, submission.wantsAnswer, submission.contact != nil {
            caseOpening = CaseOpening(id: UUID(), dueAt: promise.dueAt(receivedAt: receivedAt),
                                      history: [(.received, receivedAt)])
        }
    }
}

extension NewResponse {
    /// What the rollups count of this answer.
    public var rollupAnswer: RollupAnswer {
        RollupAnswer(organisationID: organisationID, unitID: unitID, surveyID: surveyID, day: CalendarDay(rawValue: localDay)!,
                     channel: submission.channel.rawValue, language: submission.language.rawValue,
                     respondent: submission.respondent?.rawValue, ageGroup: submission.choices["ageGroup"],
                     recommendation: submission.recommendation, statements: statementSlots,
                     themes: ThemeRollupValue(openText: submission.openText != nil, themes: classification.flatMap { ResponseInsert.themesText($0.themes) },
                                              sentiment: classification?.sentiment.rawValue)?.rawValue)
    }
}

/// The case a response opens, with the history it starts with.
public struct CaseOpening: Sendable {
    public var id: UUID
    public var dueAt: Date
    public var status: CaseStatus = .open
    public var closedAt: Date?
    public var history: [(CaseEventKind, Date)]

    public init(id: UUID, dueAt: Date, status: CaseStatus = .open, closedAt: Date? = nil, history: [(CaseEventKind, Date)]) {
        self.id = id
        self.dueAt = dueAt
        self.status = status
        self.closedAt = closedAt
        self.history = history
    }

    /// The first call, interim reply, answer or referral in the history.
    public var firstContactAt: Date? {
        history.filter { $0.0.isContact }.map(\.1).min()
    }
}

/// What the customer is told once their answer is durable.
public struct StoredReceipt: Sendable, Hashable {
    public var id: UUID
    public var receipt: String
    /// True when an earlier submission with the same idempotency key answered.
    public var replayed: Bool

    public init(id: UUID, receipt: String, replayed: Bool) {
        self.id = id
        self.receipt = receipt
        self.replayed = replayed
    }
}

public enum ResponseWriteError: Error, Sendable, Equatable {
    /// The idempotency key was used before for a different request.
    case idempotencyKeyReused
}
