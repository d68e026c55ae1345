import Foundation
import KaikuCore

/// What the entry page shows, as plain values: the targets and questions
/// to fill in, what stays filled in between entries, and the outcome of
/// the last save.
struct EntryModel: Sendable {
    struct Target: Sendable, Equatable {
        var code: String
        var name: String
    }

    /// A typed-in answer: its field name and the question as the survey asks it.
    struct Field: Sendable, Equatable {
        var name: String
        var label: String
    }

    /// A question answered by choosing, with the input id its errors link to.
    struct Choice: Sendable, Equatable {
        var name: String
        var label: String
        var options: [Option]
        var inputID: String
    }

    struct Option: Sendable, Equatable {
        var value: String
        var label: String
    }

    struct FieldProblem: Sendable, Equatable {
        var field: String
        var message: String
    }

    /// The fields that stay filled in from one entry to the next.
    static let remembered = ["target", "channel", "language", "date", "time"]

    var targets: [Target]
    /// The recommendation (0–10), if the survey asks it.
    var nps: Field?
    var statements: [Field]
    var choices: [Choice]
    /// The organisation's own open questions.
    var texts: [Field]
    /// Own questions' input names by question id, for linking their errors.
    var ownInputs: [String: String]
    var values: [String: String]
    var formToken: String
    /// The receipt of the entry just saved.
    var saved: String?
    var error: FieldProblem?

    /// The questions of the survey as the page's fields, in the page's language.
    init(targets: [Target], survey: SurveyDefinition, language: Language, values: [String: String], formToken: String,
         saved: String? = nil, error: FieldProblem? = nil) {
        self.targets = targets
        nps = survey.questions.first { $0.type == .scale0to10 }.map { Field(name: "nps", label: $0.text[language]) }
        statements = survey.statements.map { Field(name: FormFields.statementName($0.id), label: $0.text[language]) }
        let own = Dictionary(survey.ownQuestions.filter { $0.type != .scale1to5 }.map { ($0.id, FormFields.ownName($0)) }, uniquingKeysWith: { a, _ in a })
        ownInputs = own
        // The organisation's own choices first, as the public form asks them, then the background questions.
        let choiceQuestions = survey.questions.filter { $0.type == .choice && $0.isOwn } + survey.questions.filter { $0.type == .choice && !$0.isOwn }
        choices = choiceQuestions.map { question in
            Choice(name: FormFields.choiceName(question), label: question.text[language],
                   options: [Option(value: "", label: "–")] + (question.options ?? []).map { Option(value: $0.value, label: $0.text[language]) },
                   inputID: Self.inputID(question.id == "respondent" ? "respondent" : "answers.\(question.id)", own: own))
        }
        texts = survey.ownQuestions.filter { $0.type == .text }.map { Field(name: FormFields.ownName($0), label: $0.text[language]) }
        self.values = values
        self.formToken = formToken
        self.saved = saved
        self.error = error
    }

    /// The values a fresh page starts with: what the address carries, today
    /// and paper unless it says otherwise.
    static func startingValues(_ query: (String) -> String?, today: CalendarDay) -> [String: String] {
        var values = Dictionary(uniqueKeysWithValues: remembered.compactMap { name in query(name).map { (name, $0) } })
        values["date"] = values["date"] ?? today.description
        values["channel"] = values["channel"] ?? KaikuCore.Channel.paper.rawValue
        return values
    }

    /// Where the browser goes after a save: the page again, with the receipt
    /// and where, how and when filled in for the next entry.
    static func savedURL(receipt: String, target: String, channel: KaikuCore.Channel, language: Language, date: String) -> String {
        let path = SiteURL.staff(.entry).path
        var next = URLComponents()
        next.path = path
        next.queryItems = [("saved", receipt), ("target", target), ("channel", channel.rawValue), ("language", language.rawValue), ("date", date)]
            .map { URLQueryItem(name: $0.0, value: $0.1) }
        return next.string ?? path
    }

    /// Whether the form's error is about the input `f-name`.
    func isInvalid(_ name: String) -> Bool {
        error.map { Self.inputID($0.field, own: ownInputs) == "f-\(name)" } ?? false
    }

    /// The input a field's error links to: `answers.nps` is `f-nps`, `answers.felt_safe` is `f-q_felt_safe`.
    static func inputID(_ field: String, own: [String: String] = [:]) -> String {
        switch field {
        case "answers", "answers.nps": return "f-nps"
        case "answeredAt": return "f-date"
        case "respondent": return "f-respondent"
        case _ where field.hasPrefix("answers."):
            let id = String(field.dropFirst("answers.".count))
            if let name = own[id] { return "f-\(name)" }
            return ["ageGroup", "serviceMode"].contains(id) ? "f-\(id)" : "f-" + FormFields.statementName(id)
        default: return "f-\(field)"
        }
    }
}
