import KaikuCore
import Vapor

/// What the forms of the pages that name things by a code in three languages post (the
/// organisation's themes, its idea categories): a code when adding, the fi/sv/en names always.
struct CodedNameForm: Content {
    var code: String?
    var fi: String?
    var sv: String?
    var en: String?

    var name: LocalizedText { LocalizedText(fi: fi ?? "", sv: sv ?? "", en: en ?? "") }

    /// The code as typed, trimmed and bounded, for the rules and for showing back.
    var trimmedCode: String { String((code ?? "").trimmingCharacters(in: .whitespaces).prefix(200)) }

    /// The form of a post, or an empty one: an empty form is refused field by field.
    static func decode(from request: Request) -> CodedNameForm {
        (try? request.content.decode(CodedNameForm.self)) ?? CodedNameForm()
    }
}
