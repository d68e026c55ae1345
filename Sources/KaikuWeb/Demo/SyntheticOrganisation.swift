import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `kaiku generate`: a synthetic organisation with a 3-level tree (root,
/// service areas, `leafUnits` units each with one target) and answers spread
/// over the last twelve months, for benchmarks.
enum SyntheticOrganisation {
    static func generate(_ app: Application, answers: Int, leafUnits: Int, progress: (@Sendable (Int) -> Void)? = nil) async throws {
        guard try await Organisation.query(on: app.db).count() == 0 else {
            throw Abort(.conflict, reason: "generate fills an empty database; this one already holds an organisation")
        }
        let survey = try await SurveyStore.ensureNational(app.kaiku.nationalSurvey, on: app.db)
        let organisation = Organisation(code: "synthetic", name: LocalizedText(fi: "Synteettinen hyvinvointialue", sv: "Syntetiskt välfärdsområde", en: "Synthetic wellbeing county"))
        organisation.surveyID = try survey.requireID()
        let areaCount = max(1, Int(Double(leafUnits).squareRoot().rounded()))
        let targets = try await app.db.transaction { db -> [SyntheticAnswers.TargetSpec] in
            var targets: [SyntheticAnswers.TargetSpec] = []
            try await organisation.create(on: db)
            let orgID = try organisation.requireID()
            let root = OrgUnit(organisationID: orgID, code: "SYN", parentID: nil, name: organisation.name)
            try await root.create(on: db)
            var areas: [OrgUnit] = []
            for index in 1...areaCount {
                let area = OrgUnit(organisationID: orgID, code: "SYN-A\(index)", parentID: try root.requireID(),
                                   name: LocalizedText(fi: "Palvelualue \(index)", sv: "Serviceområde \(index)", en: "Service area \(index)"))
                try await area.create(on: db)
                areas.append(area)
            }
            for index in 1...max(1, leafUnits) {
                let area = areas[(index - 1) % areas.count]
                let unit = OrgUnit(organisationID: orgID, code: "\(area.code)-U\(index)", parentID: try area.requireID(),
                                   name: LocalizedText(fi: "Yksikkö \(index)", sv: "Enhet \(index)", en: "Unit \(index)"))
                try await unit.create(on: db)
                let target = Target(organisationID: orgID, code: "syn-\(index)", unitID: try unit.requireID(),
                                    name: LocalizedText(fi: "Palvelupiste \(index)", sv: "Serviceställe \(index)", en: "Service point \(index)"))
                try await target.create(on: db)
                targets.append(.init(targetID: try target.requireID(), unitID: try unit.requireID(),
                                     quality: DemoSeeder.quality(of: target.code), weight: DemoSeeder.weight(of: target.code)))
            }
            return targets
        }
        var generator = SyntheticAnswers(
            organisationID: try organisation.requireID(), surveyID: try survey.requireID(),
            statementIDs: app.kaiku.nationalSurvey.statements.map(\.id), timeZone: organisation.timeZone,
            targets: targets, end: app.kaiku.clock.now)
        // Open text as customers write it, classified as it arrives, but anonymous: no contact details, so no cases.
        generator.contactRequests = false
        let loader = try BulkLoaders.make(for: app.kaiku.settings.database, database: app.db)
        _ = try await generator.load(count: answers, seed: 7, into: loader, progress: progress)
        // The loader writes each unit's own rollups; the subtrees' are summed from them once, at the end.
        try await SubtreeRollups.rebuildAll(organisationID: organisation.requireID(), on: app.db)
    }
}
