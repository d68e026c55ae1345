import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Answering the customer: by e-mail or SMS, from a template or in the
/// handler's own words. The answer is sent first; only a sent answer is
/// recorded and closes the case, so a failed send changes nothing.
struct CaseAnswerController: RouteCollection {
    struct AnswerRequest: Content {
        var channel: String?
        var template: UUID?
        var subject: String?
        var text: String?
    }

    struct ReferRequest: Content {
        var kind: String
        var note: String?
    }

    static let referralKinds = ["complaint", "incident", "ombudsman"]

    func boot(routes: any RoutesBuilder) throws {
        let item = routes.grouped("api", "v1", "cases", ":id").grouped(BearerTokenAuthenticator())
        item.post("answer", use: answer)
        item.post("refer", use: refer)
    }

    /// Refers the customer to a formal complaint, an incident report or the
    /// ombudsman and sends them the organisation's instructions, when they left a way to reach them.
    func refer(_ request: Request) async throws -> CaseSummaryDTO {
        let body = try request.decodeJSON(ReferRequest.self)
        guard Self.referralKinds.contains(body.kind) else {
            throw FieldError(field: "kind", message: "kind must be one of complaint, incident, ombudsman.")
        }
        let note = try body.note.map { try CaseText.check($0, field: "note") }
        let scope = try await request.requireScope()
        let (item, organisation, response) = try await CaseAccess.actionableCase(request, scope: scope, action: .refer)
        let language = Language(rawValue: response.language) ?? .fi
        let configured = try await ReferralText.query(on: request.db)
            .filter(\.$organisationID == organisation.requireID()).filter(\.$kind == body.kind).filter(\.$language == language.rawValue).first()
        let instructions = (configured.map { $0.text + ($0.url.map { "\n\n" + $0 } ?? "") }
            ?? request.kaiku.catalogue.text("referral.\(body.kind)", language))
            .filled(["receipt": item.receipt, "organisation": organisation.name[language]])
        var sentBy: String?
        if let stored = try await ResponseContact.query(on: request.db).filter(\.$responseID == item.responseID).first() {
            let cipher = request.kaiku.cipher
            if let email = try cipher.open(stored.email) {
                let subject = request.kaiku.catalogue.text("mail.referral.subject", language, ["receipt": item.receipt])
                try await send { try await request.kaiku.mail.send(OutgoingEmail(to: email, subject: subject, body: instructions)) }
                sentBy = "email"
            } else if let phone = try cipher.open(stored.phone) {
                try await send { _ = try await request.kaiku.sms.send(OutgoingSMS(to: phone, text: instructions, reference: "referral-\(item.id!.uuidString)")) }
                sentBy = "sms"
            }
        }
        let now = request.kaiku.clock.now
        let detail = [body.kind, sentBy.map { "instructions sent by \($0)" }, note].compactMap { $0 }.joined(separator: "; ")
        return try await CaseAccess.record(item, next: .referred, events: [(.referred, detail)], scope: scope, now: now, on: request) { $0.closedAt = now }
    }

    func answer(_ request: Request) async throws -> CaseSummaryDTO {
        let body = try request.decodeJSON(AnswerRequest.self)
        let scope = try await request.requireScope()
        let (item, organisation, response) = try await CaseAccess.actionableCase(request, scope: scope, action: .close)
        guard let stored = try await ResponseContact.query(on: request.db).filter(\.$responseID == item.responseID).first() else {
            throw FieldError(status: .conflict, field: "channel", message: "The customer's contact details are no longer kept; the case cannot be answered from Kaiku.")
        }
        let cipher = request.kaiku.cipher
        let email = try cipher.open(stored.email)
        let phone = try cipher.open(stored.phone)
        let channel = body.channel ?? (email != nil ? "email" : "sms")
        let language = Language(rawValue: response.language) ?? .fi
        var subject = body.subject
        var text = body.text
        if let templateID = body.template {
            guard let template = try await ReplyTemplate.find(templateID, on: request.db), template.organisationID == organisation.id else {
                throw FieldError(field: "template", message: "template must be the id of one of your organisation's reply templates.")
            }
            subject = subject ?? template.subject
            text = text ?? template.body
        }
        let arguments = ["receipt": item.receipt, "organisation": organisation.name[language]]
        let filled = try CaseText.check(text, field: "text").filled(arguments)
        let filledSubject = (subject.map { $0.filled(arguments) } ?? request.kaiku.catalogue.text("mail.answer.subject", language, arguments))
        switch channel {
        case "email":
            guard let email else { throw FieldError(field: "channel", message: "The customer left no e-mail address; answer by sms.") }
            guard !filledSubject.contains(where: \.isNewline) else { throw FieldError(field: "subject", message: "subject must be one line.") }
            try await send { try await request.kaiku.mail.send(OutgoingEmail(to: email, subject: filledSubject, body: filled)) }
        case "sms":
            guard let phone else { throw FieldError(field: "channel", message: "The customer left no phone number; answer by email.") }
            try await send { _ = try await request.kaiku.sms.send(OutgoingSMS(to: phone, text: filled, reference: "answer-\(item.id!.uuidString)")) }
        default:
            throw FieldError(field: "channel", message: "channel must be email or sms.")
        }
        let now = request.kaiku.clock.now
        return try await CaseAccess.record(item, next: .closed, events: [(.answered, "\(channel): \(filled)"), (.closed, nil)],
                                           scope: scope, now: now, on: request) { $0.closedAt = now }
    }

    /// A send that fails is reported to the handler as a gateway problem, not a bug.
    private func send(_ operation: () async throws -> Void) async throws {
        do {
            try await operation()
        } catch {
            throw FieldError(status: .badGateway, field: "channel", message: "The answer could not be sent (\(error)); nothing was changed, try again.")
        }
    }
}

extension String {
    /// Fills `{name}` placeholders.
    func filled(_ arguments: [String: String]) -> String {
        arguments.reduce(self) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
    }
}
