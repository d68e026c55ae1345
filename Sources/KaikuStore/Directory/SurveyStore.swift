import FluentKit
import Foundation
import KaikuCore

/// Survey versions: the national core shared by all and each organisation's own.
public enum SurveyStore {
    /// Stores the national definition unless that version is already there.
    public static func ensureNational(_ definition: SurveyDefinition, on database: any Database) async throws -> Survey {
        if let existing = try await Survey.query(on: database)
            .filter(\.$organisationID == nil)
            .filter(\.$code == definition.code)
            .filter(\.$version == definition.version)
            .first() {
            return existing
        }
        let survey = try Survey(organisationID: nil, definition: definition)
        try await survey.create(on: database)
        return survey
    }

    /// The survey an organisation's customers answer now.
    public static func current(for organisation: Organisation, on database: any Database) async throws -> Survey {
        if let id = organisation.surveyID, let survey = try await Survey.find(id, on: database) {
            return survey
        }
        guard let national = try await Survey.query(on: database)
            .filter(\.$organisationID == nil)
            .sort(\.$version, .descending)
            .first() else {
            throw SurveyStoreError.noSurvey
        }
        return national
    }
}

public enum SurveyStoreError: Error {
    case noSurvey
}
