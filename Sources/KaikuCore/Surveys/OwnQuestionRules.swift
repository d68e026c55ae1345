import Foundation

/// The rules for an organisation's own questions: what may follow the
/// national core so that forms, kiosks and reports can all show it.
public enum OwnQuestionRules {
    public static let questions = 1...30
    public static let options = 2...12
    public static let idLength = 1...40
    public static let maxQuestionText = 300
    public static let maxOptionText = 100
    /// Rollups keep a fixed number of statement slots per survey version.
    public static func maxOwnStatements(core: SurveyDefinition) -> Int {
        max(0, RollupCounts.statementSlots - core.core.statements.count)
    }

    public static func isValidID(_ id: String) -> Bool {
        idLength.contains(id.count) && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }

    /// Checks the drafts in the order a person reads them and returns the
    /// questions to append to the core, or the first problem.
    public static func validate(_ drafts: [OwnQuestionDraft], core: SurveyDefinition, languages: [Language]) throws(OwnQuestionError) -> [Question] {
        let coreIDs = Set(core.core.questions.map(\.id))
        guard questions.contains(drafts.count) else {
            throw OwnQuestionError(field: "questions", reason: .questionCount(min: questions.lowerBound, max: questions.upperBound))
        }
        var seen = Set<String>()
        var result: [Question] = []
        for (index, draft) in drafts.enumerated() {
            let field = "questions[\(index)]"
            let id = try identifier(draft.id, field: "\(field).id")
            guard !coreIDs.contains(id) else { throw OwnQuestionError(field: "\(field).id", reason: .coreID) }
            guard seen.insert(id).inserted else { throw OwnQuestionError(field: "\(field).id", reason: .duplicateID) }
            guard let rawType = draft.type, !rawType.isEmpty else { throw OwnQuestionError(field: "\(field).type", reason: .required) }
            guard let type = Question.Kind(rawValue: rawType), type != .scale0to10 else {
                throw OwnQuestionError(field: "\(field).type", reason: .unknownType)
            }
            let text = try texts(draft.text, field: "\(field).text", languages: languages, max: maxQuestionText)
            var options: [Question.Option]?
            if type == .choice {
                options = try choiceOptions(draft.options, field: field, languages: languages)
            } else if let given = draft.options, !given.isEmpty {
                throw OwnQuestionError(field: "\(field).options", reason: .optionsNotAllowed)
            }
            result.append(Question(id: id, type: type, text: text, options: options, own: true))
        }
        let limit = maxOwnStatements(core: core)
        if result.filter({ $0.type == .scale1to5 }).count > limit {
            throw OwnQuestionError(field: "questions", reason: .tooManyStatements(max: limit))
        }
        return result
    }

    private static func identifier(_ raw: String?, field: String) throws(OwnQuestionError) -> String {
        guard let raw, !raw.isEmpty else { throw OwnQuestionError(field: field, reason: .required) }
        guard isValidID(raw) else { throw OwnQuestionError(field: field, reason: .invalidID(maxLength: idLength.upperBound)) }
        return raw
    }

    private static func choiceOptions(_ drafts: [OwnQuestionDraft.Option]?, field: String, languages: [Language]) throws(OwnQuestionError) -> [Question.Option] {
        let drafts = drafts ?? []
        guard options.contains(drafts.count) else {
            throw OwnQuestionError(field: "\(field).options", reason: .optionCount(min: options.lowerBound, max: options.upperBound))
        }
        var seen = Set<String>()
        var result: [Question.Option] = []
        for (index, draft) in drafts.enumerated() {
            let optionField = "\(field).options[\(index)]"
            let id = try identifier(draft.id, field: "\(optionField).id")
            guard seen.insert(id).inserted else { throw OwnQuestionError(field: "\(optionField).id", reason: .duplicateID) }
            result.append(Question.Option(value: id, text: try texts(draft.text, field: "\(optionField).text", languages: languages, max: maxOptionText)))
        }
        return result
    }

    /// Finnish always, and every other offered language; texts of languages
    /// not offered are kept when given, and stand in for nothing otherwise.
    private static func texts(_ draft: OwnQuestionDraft.Texts?, field: String, languages: [Language], max: Int) throws(OwnQuestionError) -> LocalizedText {
        var text = LocalizedText(fi: "", sv: "", en: "")
        for language in Language.allCases {
            let value = (draft?[language] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let languageField = "\(field).\(language.rawValue)"
            if value.isEmpty {
                if language == .fi || languages.contains(language) {
                    throw OwnQuestionError(field: languageField, reason: .textMissing(language: language))
                }
                continue
            }
            guard value.count <= max else { throw OwnQuestionError(field: languageField, reason: .textTooLong(max: max)) }
            guard !value.containsStrayControlCharacters, !value.contains("\n") else {
                throw OwnQuestionError(field: languageField, reason: .controlCharacters)
            }
            switch language {
            case .fi: text.fi = value
            case .sv: text.sv = value
            case .en: text.en = value
            }
        }
        return text
    }
}
