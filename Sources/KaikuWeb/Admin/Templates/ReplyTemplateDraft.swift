import FluentKit
import Foundation
import KaikuCore
import KaikuStore

/// A reply template as an administrator writes it, checked, and as the audit
/// log keeps it. Shared by the API and the templates page.
struct ReplyTemplateDraft: Codable, Equatable, Sendable {
    var name: String
    var language: String
    var subject: String
    var body: String

    init(name: String, language: String, subject: String, body: String) {
        self.name = name
        self.language = language
        self.subject = subject
        self.body = body
    }

    init(_ template: ReplyTemplate) {
        self.init(name: template.name, language: template.language, subject: template.subject, body: template.body)
    }

    /// Trimmed and checked, first refusal first.
    func validated() throws -> ReplyTemplateDraft {
        let name = try CaseText.check(name, field: "name")
        guard name.codePointCount <= 200, !name.contains(where: \.isNewline) else {
            throw FieldError(field: "name", message: "name must be one line of at most 200 characters.")
        }
        guard Language(rawValue: language) != nil else { throw FieldError(field: "language", message: "language must be one of fi, sv, en.") }
        let subject = try CaseText.check(subject, field: "subject")
        guard !subject.contains(where: \.isNewline), subject.codePointCount <= 200 else {
            throw FieldError(field: "subject", message: "subject must be one line of at most 200 characters.")
        }
        return ReplyTemplateDraft(name: name, language: language, subject: subject, body: try CaseText.check(body, field: "body"))
    }

    /// The subject and text a customer would get, `{receipt}` and `{organisation}` filled in as when it is sent.
    func rendered(receipt: String, organisation: Organisation) -> (subject: String, body: String) {
        let language = Language(rawValue: language) ?? .fi
        let arguments = ["receipt": receipt, "organisation": organisation.name[language]]
        return (subject.filled(arguments), body.filled(arguments))
    }

    /// A receipt code of the usual shape for previews.
    static let sampleReceipt = "K7Q4MX2P"
}
