import Fluent
import Foundation
import KaikuCore
import KaikuStore
import SQLKit
import Vapor

/// `classifier.language-model`: asks the optional language model for one
/// stored answer's themes and sentiment. It runs after the answer is stored
/// (its local classification is already there), so the model never delays a
/// submission; when the model fails or is slow, the local result stays.
enum LanguageModelJob {
    static let kind = "classifier.language-model"

    struct Payload: Codable {
        var responseID: UUID
    }

    /// Queues the answer for the language model when one is configured. Never
    /// throws: the answer is stored and classified already, and a lost job leaves the local result.
    static func schedule(responseID: UUID, app: Application) async {
        guard app.kaiku.languageModel != nil else { return }
        do {
            let payload = String(decoding: try JSONEncoder().encode(Payload(responseID: responseID)), as: UTF8.self)
            try await JobQueue.enqueue(kind: kind, payload: payload, runAt: app.kaiku.clock.now,
                                       uniqueKey: "\(kind):\(responseID.uuidString)", maxAttempts: 3, on: app.db)
        } catch {
            app.logger.warning("could not queue answer \(responseID) for the language model: \(String(describing: error))")
        }
    }

    static func run(_ job: JobQueue.Claimed, app: Application) async throws {
        let payload = try JSONDecoder().decode(Payload.self, from: Data(job.payload.utf8))
        try await classify(responseID: payload.responseID, app: app)
    }

    /// What labelled the answer in the end; nil when there was nothing to do
    /// (no model, no open text, or a person's correction, which no machine overwrites).
    @discardableResult
    static func classify(responseID: UUID, app: Application) async throws -> ClassificationSource? {
        guard let model = app.kaiku.languageModel,
              let response = try await FeedbackResponse.find(responseID, on: app.db),
              response.correctedBy == nil, response.classifiedWith != ClassificationSource.person.rawValue,
              let stored = response.openText else { return nil }
        let language = Language(rawValue: response.language) ?? .fi
        // Stored open text is masked already; masking again costs little and keeps anything personal from leaving if that ever changed.
        let text = TextMasker().mask(stored).text
        let entries = try await ThemeCatalogue.entries(organisationID: response.organisationID, on: app.db)
        let themes = entries.map { entry in
            LanguageModelTheme(code: entry.code, name: entry.name(in: .en) { app.kaiku.catalogue.text("theme.\($0)", .en) })
        }
        let classification: TextClassification
        let source: ClassificationSource
        do {
            classification = try await model.classify(text, language: language, themes: themes)
            source = .languageModel
        } catch {
            app.logger.notice("language model gave no usable answer for answer \(responseID), keeping the local classifier's: \(String(describing: error))")
            let local = await app.classifier(for: response.organisationID)
            classification = local.classify(stored, language: language)
            source = local.source
        }
        let themesText = ResponseInsert.themesText(classification.themes)
        return try await app.db.writeTransaction { transaction in
            try await SubtreeRollups.lockTree(of: response.organisationID, on: transaction.sql)
            // A person's correction made meanwhile wins.
            guard let current = try await FeedbackResponse.find(responseID, on: transaction), current.correctedBy == nil else { return nil }
            let change = ThemeRollups.Change(current, themes: themesText, sentiment: classification.sentiment.rawValue, openText: current.openText != nil)
            current.themes = themesText
            current.sentiment = classification.sentiment.rawValue
            current.classifiedWith = source.rawValue
            try await current.save(on: transaction)
            try await ThemeRollups.apply([change], on: transaction.sql)
            return source
        }
    }
}
