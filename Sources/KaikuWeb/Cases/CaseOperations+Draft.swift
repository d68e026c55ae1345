import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// An answer as the customer will get it: the template filled in and every
/// check made, but nothing sent. The preview shows it; sending sends it.
struct PreparedAnswer: Sendable {
    var caseID: UUID
    var channel: String
    /// Only e-mails have one; an SMS is the text alone.
    var subject: String
    var text: String
    /// Where it goes, masked: the preview is no place to read contact details off.
    var maskedAddress: String
    /// The customer's language.
    var language: Language
}

extension CaseOperations {
    /// Checks a draft and fills it in as it would be sent; throws what `answer` would refuse.
    func prepare(_ id: UUID?, _ draft: AnswerDraft) async throws -> PreparedAnswer {
        let (item, organisation, response) = try await CaseAccess.actionableCase(id, scope: scope, action: .close, on: request.db)
        guard let stored = try await ResponseContact.query(on: request.db).filter(\.$responseID == item.responseID).first() else {
            throw FieldError(status: .conflict, field: "channel", message: "The customer's contact details are no longer kept; the case cannot be answered from Kaiku.")
        }
        let cipher = request.kaiku.cipher
        let email = try cipher.open(stored.email)
        let phone = try cipher.open(stored.phone)
        let channel = draft.channel.flatMap { $0.isEmpty ? nil : $0 } ?? (email != nil ? "email" : "sms")
        let language = Language(rawValue: response.language) ?? .fi
        var subject = draft.subject.flatMap { $0.isEmpty ? nil : $0 }
        var text = draft.text.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        if let templateID = draft.template {
            let template = try await self.template(templateID, organisationID: organisation.id)
            subject = subject ?? template.subject
            text = text ?? template.body
        }
        let arguments = ["receipt": item.receipt, "organisation": organisation.name[language]]
        let filled = try CaseText.check(text, field: "text").filled(arguments)
        let filledSubject = subject.map { $0.filled(arguments) } ?? request.kaiku.catalogue.text("mail.answer.subject", language, arguments)
        let address: String
        switch channel {
        case "email":
            guard let email else { throw FieldError(field: "channel", message: "The customer left no e-mail address; answer by sms.") }
            guard !filledSubject.contains(where: \.isNewline) else { throw FieldError(field: "subject", message: "subject must be one line.") }
            address = Self.masked(email: email)
        case "sms":
            guard let phone else { throw FieldError(field: "channel", message: "The customer left no phone number; answer by email.") }
            address = Self.masked(phone: phone)
        default:
            throw FieldError(field: "channel", message: "channel must be email or sms.")
        }
        return PreparedAnswer(caseID: try item.requireID(), channel: channel, subject: filledSubject, text: filled,
                              maskedAddress: address, language: language)
    }

    /// One of the organisation's reply templates, or a 400 naming the field.
    func template(_ id: UUID, organisationID: UUID?) async throws -> ReplyTemplate {
        guard let template = try await ReplyTemplate.find(id, on: request.db), template.organisationID == organisationID else {
            throw FieldError(field: "template", message: "template must be the id of one of your organisation's reply templates.")
        }
        return template
    }

    /// `m…@example.fi`: enough to see which address it is, not enough to copy it.
    static func masked(email: String) -> String {
        guard let at = email.lastIndex(of: "@"), at > email.startIndex else { return "…" }
        return String(email[email.startIndex]) + "…" + String(email[at...])
    }

    /// `…45 67`: the last four digits only.
    static func masked(phone: String) -> String {
        let digits = phone.filter(\.isNumber)
        return "…" + String(digits.suffix(4))
    }
}
