import Foundation
import KaikuCore
import KaikuStore

/// The idea categories page as plain values: every category of the
/// organisation with its names, the form to add one, and what the last post
/// did or why it was refused.
struct IdeaCategoriesModel: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var code: String
        var name: LocalizedText
        var isDefault: Bool
    }

    typealias Problem = CodedNameProblem

    enum Notice: String, Sendable {
        case added, renamed
    }

    static let addForm = CodedNameProblem.addForm

    var entries: [Entry]
    var notice: Notice?
    var problem: Problem?
    var draftCode = ""
    var draftName = LocalizedText(fi: "", sv: "", en: "")

    static func entries(_ categories: [IdeaCategories.Entry], defaultName: (String, Language) -> String) -> [Entry] {
        categories.map { category in
            Entry(code: category.code,
                  name: category.name ?? LocalizedText(fi: defaultName(category.code, .fi), sv: defaultName(category.code, .sv),
                                                       en: defaultName(category.code, .en)),
                  isDefault: category.isDefault)
        }
    }

    /// A new category's code: 2–40 of a–z, 0–9 and hyphens, not one the organisation has.
    static func codeProblem(_ code: String, existing: [String]) -> Problem? {
        guard OwnThemeRules.isWellFormed(code) else { return Problem(form: addForm, field: "code", messageKey: "admin.ideaCategories.error.code") }
        guard !existing.contains(code) else { return Problem(form: addForm, field: "code", messageKey: "admin.ideaCategories.error.takenCode") }
        return nil
    }

    /// The names checked as a theme's are (1–100 characters each, no control characters).
    static func checkedName(_ name: LocalizedText, form: String) -> Result<LocalizedText, Problem> {
        do throws(OwnThemeRules.Problem) {
            return .success(try OwnThemeRules.checkedName(name))
        } catch {
            let field: String
            switch error {
            case .badName(let language): field = language.rawValue
            case .malformedCode, .defaultCode, .takenCode: field = "code"
            }
            return .failure(Problem(form: form, field: field, messageKey: "admin.ideaCategories.error.name"))
        }
    }
}
