import Foundation
@testable import KaikuCore

/// A small national core for the survey tests: the recommendation, two
/// statements and one background choice.
enum SurveyTestFixtures {
    static func text(_ value: String) -> LocalizedText { LocalizedText(fi: value, sv: value + " (sv)", en: value + " (en)") }

    static let national = SurveyDefinition(
        code: "core", version: 1,
        scale1to5Labels: .init(labels: [:]), scale0to10Labels: .init(labels: [:]),
        questions: [
            Question(id: "nps", type: .scale0to10, text: text("Suosittelisitko?")),
            Question(id: "smooth_access", type: .scale1to5, text: text("Asiointi oli sujuvaa.")),
            Question(id: "felt_safe", type: .scale1to5, text: text("Tunsin oloni turvalliseksi.")),
            Question(id: "respondent", type: .choice, text: text("Kuka vastaa?"), options: [
                Question.Option(value: "self", text: text("Itse")), Question.Option(value: "relative", text: text("Läheinen")),
            ]),
        ])

    static func texts(_ fi: String, sv: String? = nil, en: String? = nil) -> OwnQuestionDraft.Texts {
        OwnQuestionDraft.Texts(fi: fi, sv: sv ?? fi + " (sv)", en: en ?? fi + " (en)")
    }

    static func statement(_ id: String) -> OwnQuestionDraft {
        OwnQuestionDraft(id: id, type: "scale1to5", text: texts("Väite \(id)"))
    }

    static func choice(_ id: String, options: [String] = ["yes", "no"]) -> OwnQuestionDraft {
        OwnQuestionDraft(id: id, type: "choice", text: texts("Valinta \(id)"),
                         options: options.map { OwnQuestionDraft.Option(id: $0, text: texts("Vaihtoehto \($0)")) })
    }

    static func open(_ id: String) -> OwnQuestionDraft {
        OwnQuestionDraft(id: id, type: "text", text: texts("Kerro \(id)"))
    }

    static func version(_ number: Int, _ drafts: [OwnQuestionDraft]) throws -> SurveyDefinition {
        let own = try OwnQuestionRules.validate(drafts, core: national, languages: Language.allCases)
        return try national.extended(with: own, version: number)
    }
}
