import FluentKit
import Foundation
import KaikuCore

/// What a submission needs to know about its target, resolved in one go.
public struct TargetContext: Sendable {
    public var targetID: UUID
    public var targetCode: String
    public var targetName: LocalizedText
    public var unitID: UUID
    public var unitCode: String
    public var organisationID: UUID
    public var organisationName: LocalizedText
    public var timeZone: TimeZone
    public var promiseDays: Int
    /// How `promiseDays` is counted.
    public var promiseIn: PromiseCounting = .calendarDays
    public var surveyID: UUID
    public var survey: SurveyDefinition
    /// Questions of the organisation's earlier survey versions, which late answers may still name.
    public var retiredQuestionIDs: Set<String> = []
}

/// Look-ups of targets and units. A target is offered to customers while it
/// is active and its unit is open (see `closedUnitIDs`).
public enum Directory {
    /// The targets customers are offered, each with its unit, and every unit by id — the
    /// caller walks up the tree with the same units instead of reading them again.
    public static func activeTargets(on database: any Database) async throws -> (targets: [(Target, OrgUnit)], unitsByID: [UUID: OrgUnit]) {
        let closed = try await closedUnitIDs(on: database)
        let targets = try await Target.query(on: database).filter(\.$active == true).offered(closedUnits: closed).sort(\.$code).all()
        let units = try await OrgUnit.query(on: database).all()
        let byID = Dictionary(units.compactMap { unit in unit.id.map { ($0, unit) } }, uniquingKeysWith: { first, _ in first })
        return (targets.compactMap { target in byID[target.unitID].map { (target, $0) } }, byID)
    }

    public static func context(forTarget code: String, on database: any Database) async throws -> TargetContext? {
        guard let target = try await Target.query(on: database).filter(\.$code == code).filter(\.$active == true).first(),
              let unit = try await OrgUnit.find(target.unitID, on: database),
              try await !closedUnitIDs(in: [target.organisationID], on: database).contains(target.unitID),
              let organisation = try await Organisation.find(target.organisationID, on: database) else { return nil }
        let survey = try await SurveyStore.current(for: organisation, on: database)
        let history = try await SurveyStore.history(for: organisation, on: database)
        return TargetContext(
            targetID: try target.requireID(), targetCode: target.code, targetName: target.name,
            unitID: try unit.requireID(), unitCode: unit.code,
            organisationID: try organisation.requireID(), organisationName: organisation.name,
            timeZone: organisation.timeZone, promiseDays: organisation.promiseDays, promiseIn: organisation.promiseCounting,
            surveyID: try survey.requireID(), survey: try survey.definition(), retiredQuestionIDs: history.retiredQuestionIDs)
    }
}
