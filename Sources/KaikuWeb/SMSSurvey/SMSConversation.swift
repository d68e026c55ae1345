import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// One reply in a visit's survey, at the step the survey is at.
enum SMSConversation {
    static func handle(_ text: String, for visit: Visit, request: Request) async throws -> String {
        let now = request.kaiku.clock.now
        let step: SMSReply.Step = visit.statusValue == .commentAsked ? .comment : .score
        switch SMSReply.parse(text, at: step) {
        case .optOut:
            try await visit.save(on: request.db)
            try await SMSSurveyStore.optOut(phoneHash: visit.phoneHash ?? "", organisationID: visit.organisationID, now: now, on: request.db)
            return "optedOut"
        case .score(let score):
            let stored = try await record(score, visit: visit, request: request)
            visit.responseID = stored.id
            visit.status = Visit.Status.commentAsked.rawValue
            try await visit.save(on: request.db)
            try await sendNow("sms.survey.followUp", visit: visit, request: request)
            return "scored"
        case .comment(let comment):
            if let responseID = visit.responseID {
                let classifier = await request.classifier(for: visit.organisationID)
                if try await ResponseComment.attach(comment, to: responseID, language: Language(rawValue: visit.language) ?? .en,
                                                    classifier: classifier, on: request.db) {
                    await LanguageModelJob.schedule(responseID: responseID, app: request.application)
                }
            }
            try await SMSSurveyStore.finish(visit, as: .done, on: request.db)
            return "commented"
        case .unclear:
            guard !visit.retried else {
                try await SMSSurveyStore.finish(visit, as: .expired, on: request.db)
                return "gaveUp"
            }
            visit.retried = true
            try await visit.save(on: request.db)
            try await sendNow("sms.survey.retry", visit: visit, request: request)
            return "retried"
        }
    }

    /// Stored like every other answer; the visit's id as idempotency key
    /// makes a reply handled twice count once.
    private static func record(_ score: Int, visit: Visit, request: Request) async throws -> StoredReceipt {
        guard let targetID = visit.targetID, let target = try await Target.find(targetID, on: request.db) else {
            throw Abort(.conflict, reason: "The visit's feedback target no longer exists.")
        }
        let input = SubmissionInput(channel: KaikuCore.Channel.sms.rawValue, language: visit.language, answers: ["nps": .integer(score)])
        return try await SubmissionService.submit(
            targetCode: target.code, input: input, idempotencyKey: "sms-visit-\(try visit.requireID().uuidString)",
            fingerprint: Array("sms-visit-\(try visit.requireID().uuidString)".utf8), requireRecommendation: true, on: request)
    }

    /// Through the job table, run at once: if the gateway is down the text waits there.
    private static func sendNow(_ key: String, visit: Visit, request: Request) async throws {
        let id = try await SMSSurveyJobs.queueText(key, for: visit, now: request.kaiku.clock.now, on: request.db)
        try await JobRunner().runNow(id, app: request.application)
    }
}
