import Fluent
import Foundation
import KaikuCore
import KaikuStore
import SQLKit
import Vapor

extension DemoSeeder {
    /// A customer waiting for the demo handler: how long ago they wrote, in
    /// which language, and whether the handler has already taken the case.
    struct InboxCase {
        var daysAgo: Double
        var language: Language
        var recommendation: Int
        var text: String
        var email: String?
        var phone: String?
        var taken: Bool
    }

    /// New, nearly due, late and already taken cases, in all three languages,
    /// so that the handler has work to do at first sign-in.
    static let inboxCases = [
        InboxCase(daysAgo: 0.1, language: .fi, recommendation: 2,
                  text: "Ajanvaraus ei vastannut puhelimeen koko aamupäivänä. Voisiko joku soittaa minulle?",
                  email: nil, phone: "0401234567", taken: false),
        InboxCase(daysAgo: 0.5, language: .sv, recommendation: 4,
                  text: "Jag fick ingen tid på svenska och förstod inte alla instruktioner. Kan ni svara mig?",
                  email: "kund.demo@example.fi", phone: nil, taken: false),
        InboxCase(daysAgo: 2, language: .en, recommendation: 6,
                  text: "The signs to the laboratory were hard to follow. Who can I talk to about this?",
                  email: "customer.demo@example.fi", phone: nil, taken: false),
        InboxCase(daysAgo: 6, language: .fi, recommendation: 3,
                  text: "Reseptin uusiminen kesti kaksi viikkoa. Haluaisin tietää, mistä viive johtui.",
                  email: "asiakas.demo@example.fi", phone: "0501234567", taken: true),
        InboxCase(daysAgo: 12.5, language: .fi, recommendation: 5,
                  text: "Lapseni rokotusaika peruttiin kahdesti ilman selitystä. Pyydän vastausta.",
                  email: "vanhempi.demo@example.fi", phone: nil, taken: true),
        InboxCase(daysAgo: 16, language: .fi, recommendation: 1,
                  text: "Odotin vastaanotolle yli tunnin, eikä kukaan kertonut syytä. Toivon yhteydenottoa.",
                  email: "odottaja.demo@example.fi", phone: nil, taken: false),
        InboxCase(daysAgo: 20, language: .sv, recommendation: 2,
                  text: "Mitt klagomål om faktureringen har inte besvarats. Vem sköter det här?",
                  email: "faktura.demo@example.fi", phone: nil, taken: true),
    ]

    /// Opens the inbox cases at the demo handler's unit; those marked taken are theirs.
    static func seedInbox(_ app: Application, organisation: Organisation, now: Date) async throws {
        let organisationID = try organisation.requireID()
        guard let handlerSpec = users.first(where: { $0.role == .handler }),
              let handler = try await User.query(on: app.db).filter(\.$email == handlerSpec.email).first(),
              let surveyID = organisation.surveyID,
              let target = try await Target.query(on: app.db).filter(\.$organisationID == organisationID)
                  .filter(\.$unitID == handler.unitID).sort(\.$code).first() else { return }
        let statements = app.kaiku.nationalSurvey.statements.map(\.id)
        var responses = try inboxCases.map { spec in
            let receivedAt = now.addingTimeInterval(-spec.daysAgo * 86_400)
            let submission = ValidatedSubmission(
                channel: .web, language: spec.language, recommendation: spec.recommendation, statements: [:], choices: [:],
                respondent: .oneself, openText: spec.text, maskedKinds: [], answeredAt: receivedAt,
                contact: ContactDetails(name: nil, email: spec.email, phone: spec.phone), wantsAnswer: true)
            var response = NewResponse(organisationID: organisationID, targetID: try target.requireID(), unitID: handler.unitID, surveyID: surveyID,
                                       submission: submission, statementOrder: statements, receivedAt: receivedAt,
                                       timeZone: organisation.timeZone, promise: organisation.answerPromise)
            if spec.taken, var opening = response.caseOpening {
                opening.status = .handling
                opening.history.append((.taken, receivedAt.addingTimeInterval(3_600)))
                response.caseOpening = opening
            }
            return response
        }
        let sql = try app.db.sql
        try await ResponseInsert.assignUniqueReceipts(&responses, on: sql)
        try await ResponseInsert.insert(responses, cipher: app.kaiku.cipher, on: sql)
        let taken = zip(inboxCases, responses).filter { $0.0.taken }.compactMap { $0.1.caseOpening?.id }
        guard !taken.isEmpty else { return }
        let handlerID = try handler.requireID()
        try await sql.update(FeedbackCase.schema).set("assignee_id", to: SQLBind(handlerID)).where("id", .in, SQLBind.group(taken)).run()
        try await sql.update(CaseEvent.schema).set("actor_id", to: SQLBind(handlerID))
            .where("case_id", .in, SQLBind.group(taken)).where("kind", .equal, SQLBind(CaseEventKind.taken.rawValue)).run()
    }
}
