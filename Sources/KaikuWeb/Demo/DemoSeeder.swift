import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Fills an empty database with the demo county, a year of answers and demo
/// users, so that a newcomer sees a living system within a minute.
enum DemoSeeder {
    struct DemoUser {
        var email: String
        var role: User.Role
        var unitCode: String
        /// Shown to colleagues instead of the e-mail address.
        var name: String
    }

    static let password = "kaiku-demo-2026"
    static let users = [
        DemoUser(email: "admin@demo.kaiku.fi", role: .administrator, unitCode: "JH", name: "Aino Ylläpitäjä"),
        DemoUser(email: "analyst@demo.kaiku.fi", role: .analyst, unitCode: "JH", name: "Eero Analyytikko"),
        DemoUser(email: "supervisor@demo.kaiku.fi", role: .supervisor, unitCode: "JH-TER", name: "Sanna Esihenkilö"),
        DemoUser(email: "handler@demo.kaiku.fi", role: .handler, unitCode: "JH-TER-VAST-KESK", name: "Hanna Käsittelijä"),
    ]

    /// Returns the number of answers generated, or nil when the database already held an organisation.
    static func seedIfEmpty(_ app: Application, answers: Int, progress: (@Sendable (Int) -> Void)? = nil) async throws -> Int? {
        guard try await Organisation.query(on: app.db).count() == 0 else { return nil }
        let county = try DemoCounty.load()
        let survey = try await SurveyStore.ensureNational(app.kaiku.nationalSurvey, on: app.db)
        let organisation = Organisation(
            code: county.organisation.code, name: county.organisation.name, timeZoneID: county.organisation.timezone,
            minimumN: county.organisation.minN, promiseDays: county.organisation.promiseDays)
        organisation.surveyID = try survey.requireID()
        let hash = try await app.password.async.hash(password)
        let targetSpecs = try await app.db.transaction { db -> [SyntheticAnswers.TargetSpec] in
            var unitIDs: [String: UUID] = [:]
            var targetSpecs: [SyntheticAnswers.TargetSpec] = []
            try await organisation.create(on: db)
            for spec in county.units {
                let unit = OrgUnit(organisationID: try organisation.requireID(), code: spec.code,
                                   parentID: spec.parent.flatMap { unitIDs[$0] }, name: spec.name)
                try await unit.create(on: db)
                unitIDs[spec.code] = try unit.requireID()
            }
            for spec in county.targets {
                guard let unitID = unitIDs[spec.unit] else { continue }
                let target = Target(organisationID: try organisation.requireID(), code: spec.code, unitID: unitID, name: spec.name)
                target.keywords = spec.keywords ?? ""
                try await target.create(on: db)
                targetSpecs.append(.init(targetID: try target.requireID(), unitID: unitID,
                                         quality: quality(of: spec.code), weight: weight(of: spec.code)))
            }
            for user in users {
                guard let unitID = unitIDs[user.unitCode] else { continue }
                let row = User(organisationID: try organisation.requireID(), email: user.email, passwordHash: hash,
                               role: user.role, unitID: unitID)
                row.name = user.name
                try await row.create(on: db)
            }
            return targetSpecs
        }
        var generator = SyntheticAnswers(
            organisationID: try organisation.requireID(), surveyID: try survey.requireID(),
            statementIDs: app.kaiku.nationalSurvey.statements.map(\.id), timeZone: organisation.timeZone,
            targets: targetSpecs, end: app.kaiku.clock.now)
        generator.promiseDays = organisation.promiseDays
        generator.promiseIn = organisation.promiseCounting
        // A fresh database is being filled: bulk-load settings while seeding, durable ones again before serving.
        let loops = Array(app.eventLoopGroup.makeIterator())
        try await SQLiteTuning.bulkLoad(app.databases, eventLoops: loops, logger: app.logger)
        let stored = try await generator.insert(count: answers, seed: 2026, cipher: app.kaiku.cipher, on: app.db, progress: progress)
        try await SQLiteTuning.apply(to: app.databases, eventLoops: loops, logger: app.logger)
        try await seedChannels(app, organisation: organisation, now: app.kaiku.clock.now)
        try await seedReview(app, organisation: organisation, now: app.kaiku.clock.now)
        try await seedIdeas(app, organisation: organisation, now: app.kaiku.clock.now)
        try await seedTemplates(app, organisation: organisation)
        try await seedInbox(app, organisation: organisation, now: app.kaiku.clock.now)
        try await seedNotes(app, organisation: organisation, now: app.kaiku.clock.now)
        return stored
    }

    /// A stable per-target quality from its code, so that the same units
    /// stand out on every machine.
    static func quality(of code: String) -> Double {
        var generator = SplitMix64(seed: stableHash(code))
        return Double.random(in: -1.6...1.0, using: &generator)
    }

    static func weight(of code: String) -> Double {
        var generator = SplitMix64(seed: stableHash(code) ^ 0xABCDEF)
        return Double.random(in: 0.3...3.0, using: &generator)
    }

    static func stableHash(_ text: String) -> UInt64 {
        text.utf8.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
    }
}
