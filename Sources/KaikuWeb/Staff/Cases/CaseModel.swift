import Foundation
import KaikuCore
import KaikuStore

/// What the case page shows, as plain values: the case with its answer and
/// history, what the user may do with it, and the outcome of the last step.
struct CaseModel: Sendable {
    struct PendingAnswer: Sendable, Equatable {
        var attempts: Int
        var lastError: String?
    }

    /// A question of the survey the customer answered; `value` nil is "cannot say".
    struct Answer: Sendable, Equatable {
        var question: String
        var value: String?
    }

    struct Template: Sendable, Equatable {
        var id: UUID
        var name: String
        var language: String
    }

    /// What the answer form holds when it is shown again: a template filled
    /// in, or the handler's own words back from the preview or a refusal.
    struct Draft: Sendable, Equatable {
        var template: UUID?
        var channel: String?
        var subject: String?
        var text: String?
    }

    var detail: CaseDetailDTO
    var zone: TimeZone
    var unitNames: [String: String]
    var answers: [Answer]
    var canAct: Bool
    var canAssign: Bool
    var templates: [Template]
    /// (e-mail, name) of the people the case can be assigned to.
    var assignable: [(String, String)]
    /// The units the case may be re-routed to, parents before children.
    var rerouteUnits: [UnitOption]
    var pendingAnswer: PendingAnswer?
    var draft: Draft?
    /// Names of the staff a reminder or escalation went to, by the e-mail its history records.
    var recipientNames: [String: String] = [:]
    /// Catalogue key of what the last step did.
    var notice: String?
    /// Why the last step was refused.
    var error: String?

    /// The steps whose outcome the page announces, by the `done` value of its address.
    static let noticeKeys = Set(["take", "assign", "notes", "calls", "interim", "reroute", "refer", "close", "answer", "answerQueued", "published", "withdrawn"]
        .map { "staff.done.\($0)" })

    var isPending: Bool { CaseStatus(rawValue: detail.status)?.isPending ?? false }

    func unitName(_ code: String) -> String { unitNames[code] ?? code }

    /// The notice for a `done` value of the address; anything else shows none.
    static func notice(done: String?) -> String? {
        done.map { "staff.done.\($0)" }.flatMap { noticeKeys.contains($0) ? $0 : nil }
    }

    /// The questions the customer answered, in the survey's order, each as
    /// the value over the top of its scale.
    static func answers(_ given: [String: Int?], survey: SurveyDefinition, language: Language) -> [Answer] {
        survey.questions.compactMap { question in
            guard let value = given[question.id] else { return nil }
            return Answer(question: question.text[language], value: value.map { "\($0) / \(question.type == .scale0to10 ? 10 : 5)" })
        }
    }

    /// Every unit but the one the case is in.
    static func rerouteUnits(_ units: [UnitOption], caseUnit: String) -> [UnitOption] {
        units.filter { $0.code != caseUnit }
    }

    /// The templates in the customer's language first, each group by name.
    static func templates(_ all: [Template], customerLanguage: String) -> [Template] {
        all.filter { $0.language == customerLanguage } + all.filter { $0.language != customerLanguage }
    }

    /// The channels an answer can go by: those the customer left an address for.
    static func answerChannels(_ contact: CaseDetailDTO.ContactDTO?) -> [String] {
        [contact?.email.map { _ in "email" }, contact?.phone.map { _ in "sms" }].compactMap { $0 }
    }
}
