import FluentKit
import Foundation
import KaikuCore
import SQLKit

/// The review of open text before it goes public: the answers waiting in a
/// staff member's units, and a handler's decision on one of them.
public enum PublicReview {
    /// How a handler's edited text is checked before it is published.
    public enum TextProblem: Error, Equatable {
        case empty
        case tooLong(max: Int)
        case controlCharacters
    }

    /// The edited text, trimmed and masked again: an edit must not bring
    /// back what masking took out, nor add an identity code of its own.
    public static func publishableText(_ raw: String) throws(TextProblem) -> String {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .empty }
        guard text.codePointCount <= SubmissionValidator.maxOpenTextLength else { throw .tooLong(max: SubmissionValidator.maxOpenTextLength) }
        guard !text.containsStrayControlCharacters else { throw .controlCharacters }
        return TextMasker().mask(text).text
    }

    /// Answers of `unitIDs` whose open text waits for review, newest first.
    public static func waiting(organisationID: UUID, unitIDs: [UUID], limit: Int, offset: Int,
                               on database: any Database) async throws -> (total: Int, page: [FeedbackResponse]) {
        guard !unitIDs.isEmpty else { return (0, []) }
        let query = FeedbackResponse.query(on: database)
            .filter(\.$organisationID == organisationID)
            .filter(\.$unitID ~~ unitIDs)
            .filter(\.$openText != nil)
            .filter(\.$publishedAt == nil)
            .filter(\.$hiddenFromPublic == false)
        let total = try await query.copy().count()
        let page = try await query.sort(\.$receivedAt, .descending).sort(\.$id, .descending)
            .range(offset..<(offset + limit)).all()
        return (total, page)
    }

    /// Publishes the open text (edited when `text` is given, already checked
    /// by `publishableText`) or keeps it out of the public list, recording who
    /// decided and when.
    public static func decide(_ response: FeedbackResponse, publish: Bool, text: String?, by userID: UUID, at now: Date,
                              on database: any Database) async throws {
        response.publishedBy = userID
        if publish {
            response.hiddenFromPublic = false
            response.publishedAt = now
            response.publicText = text == response.openText ? nil : text
        } else {
            response.hiddenFromPublic = true
            response.publishedAt = nil
        }
        try await response.save(on: database)
    }
}
