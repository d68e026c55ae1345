import FluentKit
import Foundation
import KaikuCore

/// The comment an SMS respondent sends after their score, added to the
/// answer already stored: masked and analysed exactly as open text given
/// with the answer would have been.
public enum ResponseComment {
    /// Returns false when the answer is gone or already has open text.
    @discardableResult
    public static func attach(_ text: String, to responseID: UUID, language: Language, classifier: FeedbackClassifier? = nil,
                              on database: any Database) async throws -> Bool {
        guard let response = try await FeedbackResponse.find(responseID, on: database), response.openText == nil else { return false }
        let trimmed = String(text.trimmingCharacters(in: .whitespacesAndNewlines).prefix(SubmissionValidator.maxOpenTextLength))
            .filter { !$0.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" } }
        guard !trimmed.isEmpty else { return false }
        let masked = TextMasker().mask(trimmed)
        let classifier = classifier ?? .untrained()
        let classification = classifier.classify(masked.text, language: language)
        return try await database.writeTransaction { transaction in
            try await SubtreeRollups.lockTree(of: response.organisationID, on: transaction.sql)
            guard let current = try await FeedbackResponse.find(responseID, on: transaction), current.openText == nil else { return false }
            let themes = ResponseInsert.themesText(classification.themes)
            let change = ThemeRollups.Change(current, themes: themes, sentiment: classification.sentiment.rawValue, openText: true)
            current.openText = masked.text
            current.maskedKinds = ResponseInsert.maskedKindsText(masked.maskedKinds)
            current.themes = themes
            current.sentiment = classification.sentiment.rawValue
            current.classifiedWith = classifier.source.rawValue
            try await current.save(on: transaction)
            try await ThemeRollups.apply([change], on: transaction.sql)
            return true
        }
    }
}
