import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// The SMS gateway's webhook for replies: `POST /api/v1/sms/inbound` with
/// `Authorization: Bearer <KAIKU_SMS_WEBHOOK_TOKEN>` and `{"from", "text",
/// "id"?}`. A score 0–10 is recorded as an answer of channel "sms" and one
/// follow-up asks for a comment; a reply not understood gets one polite
/// retry; LOPETA, STOPP or STOP stops every further message to the number.
struct SMSInboundController: RouteCollection {
    struct Inbound: Content {
        var from: String
        var text: String
        var id: String?
    }

    struct Outcome: Content {
        /// scored, commented, retried, optedOut, gaveUp, duplicate, ignored
        var outcome: String
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.post("api", "v1", "sms", "inbound", use: receive)
    }

    func receive(_ request: Request) async throws -> Outcome {
        try SMSWebhookToken.check(request)
        let inbound = try request.decodeJSON(Inbound.self)
        guard inbound.text.codePointCount <= 2_000, !inbound.text.containsStrayControlCharacters else {
            throw FieldError(field: "text", message: "text must be at most 2000 characters of text.")
        }
        if let id = inbound.id, !PlainIdentifier.isPlain(id, maxLength: 200) {
            throw FieldError(field: "id", message: "id must be 1–200 printable characters: the gateway's id for the message.")
        }
        guard let phone = ContactDetails.normalisedPhone(inbound.from).map(ContactDetails.international) else {
            throw FieldError(field: "from", message: "from must be the sender's phone number, e.g. +358401234567.")
        }
        let hash = request.kaiku.cipher.pseudonym(of: phone)
        let now = request.kaiku.clock.now
        guard let visit = try await SMSSurveyStore.awaitingReply(phoneHash: hash, on: request.db) else {
            // A stop word counts even after the survey ended: no later survey may ask the number again.
            if SMSReply.parse(inbound.text, at: .comment) == .optOut {
                for organisationID in Set(try await Visit.query(on: request.db).filter(\.$phoneHash == hash).all(\.$organisationID)) {
                    try await SMSSurveyStore.optOut(phoneHash: hash, organisationID: organisationID, now: now, on: request.db)
                }
                return Outcome(outcome: "optedOut")
            }
            return Outcome(outcome: "ignored")
        }
        if let id = inbound.id, id == visit.lastInboundID { return Outcome(outcome: "duplicate") }
        visit.lastInboundID = inbound.id
        let outcome = try await SMSConversation.handle(inbound.text, for: visit, request: request)
        return Outcome(outcome: outcome)
    }
}
