import Foundation
import KaikuCore

/// The template editor as plain values: what is in the fields, the e-mail it
/// makes with a sample receipt, and the field a refusal was about.
struct TemplateEditModel: Sendable, Equatable {
    /// nil for a new template.
    var id: UUID?
    var draft: ReplyTemplateDraft
    /// The e-mail as a customer would get it; nil until there is something to show.
    var preview: Preview?
    var errorField: String?
    var justSaved = false
    /// The languages the organisation offers, for the language choice.
    var languages: [Language]

    struct Preview: Sendable, Equatable {
        var subject: String
        var body: String
    }

    /// The preview of a draft for an organisation's name in the template's language.
    static func preview(of draft: ReplyTemplateDraft, organisationName: LocalizedText) -> Preview? {
        guard !draft.subject.isEmpty || !draft.body.isEmpty else { return nil }
        let language = Language(rawValue: draft.language) ?? .fi
        let arguments = ["receipt": ReplyTemplateDraft.sampleReceipt, "organisation": organisationName[language]]
        return Preview(subject: draft.subject.filled(arguments), body: draft.body.filled(arguments))
    }

    /// Where the form posts: the new-template address or the template's own.
    var action: SiteURL { id.map { .staff(.adminTemplate(.value($0))) } ?? .staff(.adminTemplateNew) }

    func isInvalid(_ field: String) -> Bool { errorField == field }
}
