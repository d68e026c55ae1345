import Foundation
import KaikuCore
import Vapor

/// `GET /api/v1/survey`: the organisation's survey in force with every
/// language's texts, the national core marked `core`.
struct OrganisationSurveyDTO: Content {
    struct QuestionDTO: Content {
        struct OptionDTO: Content {
            var id: String
            var text: LocalizedText
        }

        var id: String
        var type: String
        var text: LocalizedText
        var core: Bool
        var options: [OptionDTO]?
    }

    var code: String
    var version: Int
    var questions: [QuestionDTO]

    init(_ survey: SurveyDefinition) {
        code = survey.code
        version = survey.version
        questions = survey.questions.map { question in
            QuestionDTO(id: question.id, type: question.type.rawValue, text: question.text, core: !question.isOwn,
                        options: question.options?.map { QuestionDTO.OptionDTO(id: $0.value, text: $0.text) })
        }
    }
}

/// `POST /api/v1/survey/versions`: the organisation's own questions, which
/// follow the national core in the new version.
struct SurveyVersionRequest: Content {
    var questions: [OwnQuestionDraft]?
}

struct SurveyVersionCreated: Content {
    var version: Int
}
