import Fluent
import Crypto
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// The one path by which every channel's answers are stored. Returns only
/// after the answer is durable.
enum SubmissionService {
    static let maxIdempotencyKeyLength = 200

    static func submit(
        targetCode: String?, input: SubmissionInput, idempotencyKey: String?, fingerprint: [UInt8],
        requireRecommendation: Bool, on request: Request
    ) async throws -> StoredReceipt {
        guard let targetCode, !targetCode.isEmpty else { throw SubmissionError(field: "target", reason: .required) }
        guard PlainIdentifier.isPlain(targetCode, maxLength: 100) else { throw SubmissionError(field: "target", reason: .unknownTarget) }
        if let key = idempotencyKey {
            guard (1...maxIdempotencyKeyLength).contains(key.count), key.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
                throw FieldError(field: "Idempotency-Key", message: "Idempotency-Key must be 1–\(maxIdempotencyKeyLength) visible ASCII characters.")
            }
        }
        // Once: each `request.kaiku` copies the whole services struct.
        let services = request.kaiku
        let now = services.clock.now
        let database = request.db
        guard let context = try await services.targetCache.context(for: targetCode, now: now, load: {
            try await Directory.context(forTarget: targetCode, on: database)
        }) else {
            throw SubmissionError(field: "target", reason: .unknownTarget)
        }
        // Validated against, and stored with, the version in force when the answer is received.
        let validator = SubmissionValidator(survey: context.survey, requireRecommendation: requireRecommendation,
                                            retiredQuestionIDs: context.retiredQuestionIDs)
        let submission = try validator.validate(input, now: now)
        // In memory (`ClassifierCache`): the answer is stored with its themes, so they are there with its 201.
        let classifier = submission.openText == nil ? nil : await request.classifier(for: context.organisationID)
        // Compared only when a retry brings the same key, so made only then.
        let requestHash = idempotencyKey.map { _ in
            var hasher = SHA256()
            hasher.update(data: Array(targetCode.utf8))
            hasher.update(data: fingerprint)
            return hasher.finalize().hex
        }
        var response = NewResponse(
            organisationID: context.organisationID, targetID: context.targetID, unitID: context.unitID,
            surveyID: context.surveyID, submission: submission, statementOrder: context.survey.statements.map(\.id), receivedAt: now, timeZone: context.timeZone,
            idempotencyKey: idempotencyKey, requestHash: requestHash,
            promise: AnswerPromise(days: context.promiseDays, timeZone: context.timeZone, counting: context.promiseIn),
            classifier: classifier)
        response.confirmsByEmail = true
        do {
            let stored = try await services.writer.write(response)
            if !stored.replayed, submission.openText != nil {
                await LanguageModelJob.schedule(responseID: stored.id, app: request.application)
            }
            return stored
        } catch ResponseWriteError.idempotencyKeyReused {
            throw FieldError(status: .unprocessableEntity, field: "Idempotency-Key",
                             message: "This Idempotency-Key was already used for a different submission.")
        }
    }
}

extension Digest {
    /// Lower-case hex, as `String(format: "%02x")` per byte wrote it, without Foundation's formatter.
    var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(Self.byteCount * 2)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
