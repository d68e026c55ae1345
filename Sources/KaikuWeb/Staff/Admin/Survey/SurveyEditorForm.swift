import Foundation
import KaikuCore

/// The survey editor's draft carried in the form from post to post (no
/// JavaScript, nothing stored until published): field names
/// `q{i}_id`, `q{i}_type`, `q{i}_{language}`, `q{i}_o{j}_id`, `q{i}_o{j}_{language}`,
/// and the button pressed in `action`.
struct SurveyEditorForm {
    /// What a button of the editor asks for.
    enum Action: Equatable {
        case add(Question.Kind)
        case remove(Int)
        case up(Int)
        case down(Int)
        case addOption(Int)
        case removeOption(Int, Int)
        case preview
        case publish

        init?(_ raw: String) {
            let parts = raw.split(separator: "-").map(String.init)
            let numbers = parts.dropFirst().compactMap { Int($0) }
            switch (parts.first, numbers.count) {
            case ("preview", 0): self = .preview
            case ("publish", 0): self = .publish
            case ("add", _): guard parts.count == 2, let kind = Question.Kind(rawValue: parts[1]), kind != .scale0to10 else { return nil }
                self = .add(kind)
            case ("remove", 1): self = .remove(numbers[0])
            case ("up", 1): self = .up(numbers[0])
            case ("down", 1): self = .down(numbers[0])
            case ("addOption", 1): self = .addOption(numbers[0])
            case ("removeOption", 2): self = .removeOption(numbers[0], numbers[1])
            default: return nil
            }
        }

        var rawValue: String {
            switch self {
            case .add(let kind): "add-\(kind.rawValue)"
            case .remove(let i): "remove-\(i)"
            case .up(let i): "up-\(i)"
            case .down(let i): "down-\(i)"
            case .addOption(let i): "addOption-\(i)"
            case .removeOption(let i, let j): "removeOption-\(i)-\(j)"
            case .preview: "preview"
            case .publish: "publish"
            }
        }
    }

    /// More than the rules allow, so that a draft over the limit is shown and refused with a message, not cut short.
    static let maxQuestions = OwnQuestionRules.questions.upperBound + 1
    static let maxOptions = OwnQuestionRules.options.upperBound + 1

    static func questionField(_ index: Int, _ part: String) -> String { "q\(index)_\(part)" }
    static func optionField(_ index: Int, _ option: Int, _ part: String) -> String { "q\(index)_o\(option)_\(part)" }

    /// The draft the form carries, in order.
    static func drafts(from form: [String: String]) -> [OwnQuestionDraft] {
        var drafts: [OwnQuestionDraft] = []
        for index in 0..<maxQuestions {
            guard let type = form[questionField(index, "type")] else { break }
            var draft = OwnQuestionDraft(id: form[questionField(index, "id")]?.trimmingCharacters(in: .whitespaces), type: type,
                                         text: texts { form[questionField(index, $0.rawValue)] })
            if type == Question.Kind.choice.rawValue {
                var options: [OwnQuestionDraft.Option] = []
                for option in 0..<maxOptions {
                    guard let id = form[optionField(index, option, "id")] else { break }
                    options.append(OwnQuestionDraft.Option(id: id.trimmingCharacters(in: .whitespaces),
                                                           text: texts { form[optionField(index, option, $0.rawValue)] }))
                }
                draft.options = options
            }
            drafts.append(draft)
        }
        return drafts
    }

    private static func texts(_ value: (Language) -> String?) -> OwnQuestionDraft.Texts {
        OwnQuestionDraft.Texts(fi: value(.fi), sv: value(.sv), en: value(.en))
    }

    /// The draft after an editing button; preview and publish leave it as it is.
    static func apply(_ action: Action, to drafts: [OwnQuestionDraft]) -> [OwnQuestionDraft] {
        var drafts = drafts
        switch action {
        case .add(let kind):
            guard drafts.count < OwnQuestionRules.questions.upperBound else { break }
            var draft = OwnQuestionDraft(id: "", type: kind.rawValue, text: .init())
            if kind == .choice { draft.options = [.init(id: "", text: .init()), .init(id: "", text: .init())] }
            drafts.append(draft)
        case .remove(let index):
            if drafts.indices.contains(index) { drafts.remove(at: index) }
        case .up(let index):
            if index > 0, drafts.indices.contains(index) { drafts.swapAt(index, index - 1) }
        case .down(let index):
            if drafts.indices.contains(index + 1), index >= 0 { drafts.swapAt(index, index + 1) }
        case .addOption(let index):
            guard drafts.indices.contains(index), (drafts[index].options?.count ?? 0) < OwnQuestionRules.options.upperBound else { break }
            drafts[index].options = (drafts[index].options ?? []) + [.init(id: "", text: .init())]
        case .removeOption(let index, let option):
            if drafts.indices.contains(index), drafts[index].options?.indices.contains(option) == true { drafts[index].options?.remove(at: option) }
        case .preview, .publish:
            break
        }
        return drafts
    }

    /// The input a rule's field names: `questions[2].options[0].text.sv` is `q2_o0_sv`.
    static func inputID(for field: String, drafts: [OwnQuestionDraft]) -> String {
        let numbers = field.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        let language = Language.allCases.first { field.hasSuffix("text.\($0.rawValue)") }
        switch (numbers.count, language) {
        case (2, let language?): return optionField(numbers[0], numbers[1], language.rawValue)
        case (2, nil): return optionField(numbers[0], numbers[1], "id")
        case (1, let language?): return questionField(numbers[0], language.rawValue)
        case (1, nil) where field.hasSuffix(".options"):
            return drafts.indices.contains(numbers[0]) && !(drafts[numbers[0]].options ?? []).isEmpty
                ? optionField(numbers[0], 0, "id") : questionField(numbers[0], "id")
        case (1, nil): return questionField(numbers[0], "id")
        default: return "add-scale1to5"
        }
    }
}
