import Vapor

/// A reply template as the editor posts it; `intent` is `preview` for the
/// preview button and anything else for saving.
struct TemplateForm: Content, Sendable, Equatable {
    var name: String?
    var language: String?
    var subject: String?
    var body: String?
    var intent: String?

    init(name: String? = nil, language: String? = nil, subject: String? = nil, body: String? = nil, intent: String? = nil) {
        self.name = name
        self.language = language
        self.subject = subject
        self.body = body
        self.intent = intent
    }

    var draft: ReplyTemplateDraft {
        ReplyTemplateDraft(name: name ?? "", language: language ?? "", subject: subject ?? "", body: body ?? "")
    }

    var wantsPreview: Bool { intent == "preview" }
}
