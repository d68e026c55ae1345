import Foundation
import KaikuCore
import KaikuStore

/// The themes page as plain values: every theme of the organisation, the
/// form to add one, and what the last post did or why it was refused.
struct ThemesAdminModel: Sendable, Equatable {
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
    /// The new theme's form as last sent.
    var draftCode = ""
    var draftName = LocalizedText(fi: "", sv: "", en: "")

    var own: [Entry] { entries.filter { !$0.isDefault } }

    /// The entries of the catalogue; `defaultName` names a default theme in a language.
    static func entries(_ themes: [ThemeEntry], defaultName: (String, Language) -> String) -> [Entry] {
        themes.map { theme in
            Entry(code: theme.code,
                  name: theme.ownName ?? LocalizedText(fi: defaultName(theme.code, .fi), sv: defaultName(theme.code, .sv), en: defaultName(theme.code, .en)),
                  isDefault: theme.isDefault)
        }
    }

    /// The refusal of a form's input in the page's words.
    static func problem(_ rule: OwnThemeRules.Problem, form: String) -> Problem {
        switch rule {
        case .malformedCode: Problem(form: form, field: "code", messageKey: "admin.themes.error.code")
        case .defaultCode: Problem(form: form, field: "code", messageKey: "admin.themes.error.defaultCode")
        case .takenCode: Problem(form: form, field: "code", messageKey: "admin.themes.error.takenCode")
        case .badName(let language): Problem(form: form, field: language.rawValue, messageKey: "admin.themes.error.name")
        }
    }
}
