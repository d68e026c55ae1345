import Foundation
import KaikuCore

/// What the survey editor shows, as plain values: the national core (read
/// only), the draft of the organisation's own questions, the preview in each
/// offered language, and the versions published so far.
struct SurveyEditorModel: Sendable {
    struct CoreQuestion: Sendable, Equatable {
        var id: String
        var text: String
        var kind: Question.Kind
    }

    struct Version: Sendable, Equatable {
        var version: Int
        var when: String
        var who: String
    }

    struct Problem: Sendable, Equatable {
        var field: String
        var message: String
        var inputID: String
    }

    /// The survey as customers would see it in one language.
    struct Preview: Sendable, Equatable {
        var language: Language
        var survey: SurveyDefinition
    }

    var languages: [Language]
    var core: [CoreQuestion]
    var drafts: [OwnQuestionDraft]
    var version: Int
    var versions: [Version]
    var previews: [Preview] = []
    var error: Problem?
    /// The version just published, announced after the redirect.
    var published: Int?

    init(national: SurveyDefinition, current: SurveyDefinition, languages: [Language], pageLanguage: Language, drafts: [OwnQuestionDraft]? = nil,
         versions: [Version]) {
        self.languages = languages
        core = national.core.questions.map { CoreQuestion(id: $0.id, text: $0.text[pageLanguage], kind: $0.type) }
        self.drafts = drafts ?? current.ownQuestions.map(OwnQuestionDraft.init)
        version = current.version
        self.versions = versions
    }

    var canAddQuestion: Bool { drafts.count < OwnQuestionRules.questions.upperBound }

    func canMoveUp(_ index: Int) -> Bool { index > 0 }

    func canMoveDown(_ index: Int) -> Bool { index < drafts.count - 1 }

    func canAddOption(_ index: Int) -> Bool { (drafts[index].options?.count ?? 0) < OwnQuestionRules.options.upperBound }

    func canRemoveOption(_ index: Int) -> Bool { (drafts[index].options?.count ?? 0) > OwnQuestionRules.options.lowerBound }

    func isInvalid(_ inputID: String) -> Bool { error?.inputID == inputID }

    /// The previews of a draft that passed the rules: the core followed by the own questions, in every offered language.
    static func previews(of own: [Question], national: SurveyDefinition, languages: [Language]) -> [Preview] {
        guard let survey = try? national.core.extended(with: own, version: national.version) else { return [] }
        return languages.map { Preview(language: $0, survey: survey) }
    }
}

extension SurveyEditorModel {
    /// A rule's message for a person: which question, option and language, then what to do.
    static func message(for error: OwnQuestionError, catalogue: Catalogue, language: Language) -> String {
        let numbers = error.field.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        var place: [String] = []
        if let question = numbers.first {
            place.append(catalogue.text("staff.survey.field.question", language, ["number": String(question + 1)]))
        }
        if numbers.count > 1 {
            place.append(catalogue.text("staff.survey.field.option", language, ["number": String(numbers[1] + 1)]))
        }
        if let text = Language.allCases.first(where: { error.field.hasSuffix("text.\($0.rawValue)") }) {
            place.append(catalogue.text("staff.survey.field.language", language, ["language": catalogue.text("dashboard.language.\(text.rawValue)", language)]))
        } else if error.field.hasSuffix(".id") {
            place.append(catalogue.text("staff.survey.id", language))
        }
        let message = catalogue.text(error.messageKey, language, error.messageArguments)
        return place.isEmpty ? message : place.joined(separator: ", ") + ": " + message
    }
}
