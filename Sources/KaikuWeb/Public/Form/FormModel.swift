import KaikuCore
import KaikuStore

/// The feedback form of one target as plain values: the survey, what the
/// customer already typed, and the first problem found, if any, with the
/// rules that tie a problem to the input it concerns.
struct FormModel: Sendable {
    var target: TargetContext
    /// `remote` on the link a unit gives for remote appointments, `web` otherwise.
    var channel: KaikuCore.Channel = .web
    var values: [String: String] = [:]
    var error: SubmissionError?
    /// Makes a resubmitted form idempotent: a double click stores one answer.
    var formToken: String

    var survey: SurveyDefinition { target.survey }

    /// Where the form is and posts to: each channel has an address of its own.
    var address: SiteURL { Self.address(code: target.targetCode, channel: channel) }

    static func address(code: String, channel: KaikuCore.Channel) -> SiteURL {
        channel == .remote ? .remoteForm(.value(code)) : .form(.value(code))
    }

    /// The target's public figures, linked below the form.
    var figures: SiteURL { .targetFigures(.value(target.targetCode)) }

    /// Every problem found, the first one first.
    var errors: [SubmissionError] { error?.all ?? [] }

    func hasError(_ field: String) -> Bool { errors.contains { $0.field == field } }

    /// The problem found with `field`, if any.
    func error(for field: String) -> SubmissionError? { errors.first { $0.field == field } }

    /// Whether the radio or checkbox `name` = `value` was chosen before the form came back.
    func isChosen(_ name: String, _ value: String) -> Bool { values[name] == value }

    /// The id of the message shown beside `field`.
    static func errorID(for field: String) -> String { "error-" + field.replacingOccurrences(of: ".", with: "-") }

    /// What a fieldset's `aria-describedby` names: its hints, and the error when it is about this field.
    func describedBy(_ field: String, hints: [String] = []) -> [String] {
        hints + (hasError(field) ? [Self.errorID(for: field)] : [])
    }

    /// The input the error summary links to for a problem.
    func inputID(for error: SubmissionError) -> String { FormFields.inputID(for: error.field, survey: survey) }

    /// The question of a choice: `respondent` is a field of its own, the others are answers.
    static func field(ofChoice question: Question) -> String {
        question.id == "respondent" ? "respondent" : "answers.\(question.id)"
    }
}
