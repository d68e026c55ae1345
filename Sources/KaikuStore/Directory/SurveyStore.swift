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

extension SurveyStore {
    /// The version in force and every other version the organisation's
    /// answers were given on: its own versions and the national core.
    public static func history(for organisation: Organisation, on database: any Database) async throws -> SurveyHistory {
        try await reportSurveys(for: organisation, on: database).history
    }

    /// The history and, by survey, each version's statement ids (which name
    /// the rollups' slots), from one read of the versions: a report needs
    /// both, and reading the version in force, the versions and every
    /// survey apart was three queries of a summary's few.
    public static func reportSurveys(for organisation: Organisation, on database: any Database) async throws -> (history: SurveyHistory, statementIDs: [UUID: [String]]) {
        let organisationID = try organisation.requireID()
        let rows = try await Survey.query(on: database)
            .group(.or) { $0.filter(\.$organisationID == nil).filter(\.$organisationID == organisationID) }
            .all()
        // As `current(for:)` chooses: the organisation's own version in force, else the newest national one.
        let chosen = organisation.surveyID.flatMap { id in rows.first { $0.id == id } }
            ?? (organisation.surveyID == nil ? rows.filter { $0.organisationID == nil }.max { $0.version < $1.version } : nil)
        let current: SurveyDefinition
        if let chosen { current = try chosen.definition() } else { current = try await self.current(for: organisation, on: database).definition() }
        return (SurveyHistory(current: current, earlier: try rows.map { try $0.definition() }), try SurveyStatements.statementIDs(of: rows))
    }

    /// The organisation's own versions, newest first.
    public static func ownVersions(of organisationID: UUID, on database: any Database) async throws -> [Survey] {
        try await Survey.query(on: database).filter(\.$organisationID == organisationID).sort(\.$version, .descending).all()
    }

    /// Stores a new version, the national core followed by `own`, and puts
    /// it in force. Call inside the transaction that records the change.
    public static func publish(own: [Question], national: SurveyDefinition, organisation: Organisation, on database: any Database) async throws -> Survey {
        let organisationID = try organisation.requireID()
        let latest = try await Survey.query(on: database)
            .group(.or) { $0.filter(\.$organisationID == nil).filter(\.$organisationID == organisationID) }
            .filter(\.$code == national.code)
            .max(\.$version) ?? national.version
        let definition = try national.core.extended(with: own, version: max(latest, national.version) + 1)
        let survey = try Survey(organisationID: organisationID, definition: definition)
        try await survey.create(on: database)
        organisation.surveyID = try survey.requireID()
        try await organisation.save(on: database)
        return survey
    }
}
