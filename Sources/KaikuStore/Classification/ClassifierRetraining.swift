import FluentKit
import Foundation
import KaikuCore
import SQLKit

/// Teaches an organisation's classifier its handlers' corrections and
/// relabels the answers no person corrected. Only that organisation's rows
/// are read or written, so one organisation's corrections never move another's results.
public enum ClassifierRetraining {
    public struct Outcome: Sendable, Equatable {
        public var examples: Int
        /// Answers whose themes or sentiment changed.
        public var relabelled: Int
    }

    /// Rows read and written per step, so that a large organisation is relabelled without holding much in memory.
    public static let batchSize = 500

    @discardableResult
    public static func run(organisationID: UUID, at now: Date, on database: any Database) async throws -> Outcome {
        let themes = try await ThemeCatalogue.classifierThemes(organisationID: organisationID, on: database)
        let examples = try await corrections(organisationID: organisationID, on: database)
        let classifier = FeedbackClassifier.train(on: examples, themes: themes.codes, names: themes.names)
        try await ClassifierStore.save(classifier, organisationID: organisationID, at: now, on: database)
        let relabelled = try await relabel(organisationID: organisationID, with: classifier, on: database)
        return Outcome(examples: examples.count, relabelled: relabelled)
    }

    /// The organisation's corrected answers with open text, as examples.
    public static func corrections(organisationID: UUID, on database: any Database) async throws -> [LabelledFeedback] {
        let rows = try await FeedbackResponse.query(on: database)
            .filter(\.$organisationID == organisationID)
            .filter(\.$correctedBy != nil).filter(\.$openText != nil)
            .field(\.$id).field(\.$openText).field(\.$language).field(\.$themes).field(\.$sentiment)
            .all()
        return rows.compactMap { row in
            guard let text = row.openText, let sentiment = row.sentiment.flatMap(Sentiment.init(rawValue:)) else { return nil }
            return LabelledFeedback(text: text, language: Language(rawValue: row.language) ?? .fi,
                                    themes: ResponseInsert.themeCodes(row.themes), sentiment: sentiment)
        }
    }

    /// Classifies again every open text of the organisation that neither a
    /// person nor the language model labelled, writing only the rows whose
    /// themes or sentiment changed (an unchanged row keeps its source). Each write re-checks that no person corrected the row meanwhile.
    public static func relabel(organisationID: UUID, with classifier: FeedbackClassifier, on database: any Database) async throws -> Int {
        let source = (classifier.exampleCount > 0 ? ClassificationSource.learned : .lexicon).rawValue
        let kept: [String?] = [ClassificationSource.person.rawValue, ClassificationSource.languageModel.rawValue]
        var after: UUID?
        var changed = 0
        while true {
            var query = FeedbackResponse.query(on: database)
                .filter(\.$organisationID == organisationID)
                .filter(\.$openText != nil).filter(\.$correctedBy == nil)
                .group(.or) { $0.filter(\.$classifiedWith == nil).filter(\.$classifiedWith !~ kept) }
                .field(\.$id).field(\.$openText).field(\.$language).field(\.$themes).field(\.$sentiment)
                .sort(\.$id).limit(batchSize)
            if let after { query = query.filter(\.$id > after) }
            let rows = try await query.all()
            guard let last = rows.last else { break }
            after = last.id
            let updates: [(UUID, String?, String)] = rows.compactMap { row in
                guard let id = row.id, let text = row.openText else { return nil }
                let result = classifier.classify(text, language: Language(rawValue: row.language) ?? .fi)
                let themes = ResponseInsert.themesText(result.themes)
                return themes == row.themes && result.sentiment.rawValue == row.sentiment ? nil : (id, themes, result.sentiment.rawValue)
            }
            if !updates.isEmpty {
                changed += try await database.writeTransaction { transaction in
                    let sql = try transaction.sql
                    try await SubtreeRollups.lockTree(of: organisationID, on: sql)
                    // Read again under the lock: a person may have corrected a row, or the language model labelled it, meanwhile.
                    let current = Dictionary(uniqueKeysWithValues: try await FeedbackResponse.query(on: transaction)
                        .filter(\.$id ~~ updates.map(\.0))
                        .field(\.$id).field(\.$organisationID).field(\.$unitID).field(\.$surveyID).field(\.$localDay)
                        .field(\.$openText).field(\.$themes).field(\.$sentiment).field(\.$correctedBy).field(\.$classifiedWith)
                        .all().map { ($0.id!, $0) })
                    var changes: [ThemeRollups.Change] = []
                    for (id, themes, sentiment) in updates {
                        guard let row = current[id], row.correctedBy == nil, !kept.contains(row.classifiedWith) else { continue }
                        changes.append(ThemeRollups.Change(row, themes: themes, sentiment: sentiment, openText: row.openText != nil))
                        try await sql.update(FeedbackResponse.schema)
                            .set("themes", to: SQLBind(themes)).set("sentiment", to: SQLBind(sentiment))
                            .set("classified_with", to: SQLBind(source))
                            .where("id", .equal, SQLBind(id))
                            .run()
                    }
                    try await ThemeRollups.apply(changes, on: sql)
                    return changes.count
                }
            }
            if rows.count < batchSize { break }
        }
        return changed
    }
}
