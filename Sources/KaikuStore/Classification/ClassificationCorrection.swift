import FluentKit
import Foundation
import KaikuCore

/// A handler's correction of an answer's themes and sentiment: kept as given
/// (no machine relabels it afterwards) and taught to the organisation's
/// classifier by a retraining job.
public enum ClassificationCorrection {
    public enum Problem: Error, Equatable {
        case unknownTheme(String)
        case repeatedTheme(String)
    }

    /// The themes in the given order, each one of the organisation's codes and given once.
    public static func checkedThemes(_ themes: [String], known: [String]) throws(Problem) -> [String] {
        var seen = Set<String>()
        for code in themes {
            guard known.contains(code) else { throw .unknownTheme(code) }
            guard seen.insert(code).inserted else { throw .repeatedTheme(code) }
        }
        return themes
    }

    /// Stores the correction (themes already checked by `checkedThemes`) and
    /// schedules the organisation's retraining.
    public static func apply(to response: FeedbackResponse, themes: [String], sentiment: Sentiment,
                             by userID: UUID, at now: Date, on database: any Database) async throws {
        let themesText = ResponseInsert.themesText(themes)
        try await database.writeTransaction { transaction in
            // Under the tree lock every writer of themes waits its turn, so the row read here is the one the rollups count.
            try await SubtreeRollups.lockTree(of: response.organisationID, on: transaction.sql)
            let current = try await FeedbackResponse.find(response.requireID(), on: transaction) ?? response
            let change = ThemeRollups.Change(current, themes: themesText, sentiment: sentiment.rawValue, openText: current.openText != nil)
            current.themes = themesText
            current.sentiment = sentiment.rawValue
            current.classifiedWith = ClassificationSource.person.rawValue
            current.correctedBy = userID
            current.correctedAt = now
            try await current.save(on: transaction)
            try await ThemeRollups.apply([change], on: transaction.sql)
            try await ClassifierJobs.scheduleRetraining(organisationID: current.organisationID, after: now, on: transaction)
        }
        response.themes = themesText
        response.sentiment = sentiment.rawValue
        response.classifiedWith = ClassificationSource.person.rawValue
        response.correctedBy = userID
        response.correctedAt = now
    }
}
