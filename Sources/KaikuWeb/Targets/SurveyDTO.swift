import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// A target's survey in one language, as clients render it.
struct SurveyDTO: Content {
    struct QuestionDTO: Content {
        struct OptionDTO: Content {
            /// What the answer sends; `value` is the same id under its older name.
            var id: String
            var value: String
            var text: String
        }

        var id: String
        var type: String
        var text: String
        /// False for the organisation's own questions after the national core.
        var core: Bool
        var options: [OptionDTO]?
    }

    var target: String
    var targetName: String
    var survey: String
    var version: Int
    var language: String
    var questions: [QuestionDTO]

    init(survey: SurveyDefinition, target: TargetContext, language: Language, catalogue: Catalogue) {
        self.target = target.targetCode
        self.targetName = target.targetName[language]
        self.survey = survey.code
        self.version = survey.version
        self.language = language.rawValue
        var questions = survey.questions.map { question in
            QuestionDTO(
                id: question.id, type: question.type.rawValue, text: question.text[language], core: !question.isOwn,
                options: question.options?.map { QuestionDTO.OptionDTO(id: $0.value, value: $0.value, text: $0.text[language]) })
        }
        // The open question is part of every survey, after the organisation's own; clients send it as `openText`.
        let background = questions.firstIndex { $0.type == Question.Kind.choice.rawValue && $0.core } ?? questions.endIndex
        questions.insert(QuestionDTO(id: "openText", type: Question.Kind.text.rawValue, text: catalogue.text("form.openText.label", language), core: true),
                         at: background)
        self.questions = questions
    }
}
