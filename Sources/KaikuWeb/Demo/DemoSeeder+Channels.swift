import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

extension DemoSeeder {
    /// Units whose visits the demo's SMS survey asks about, each with its subtree.
    static let smsSurveyUnits = ["JH-TER-VAST", "JH-TER-SUUN"]
    static let smsSurveyVisits = 600

    /// The channels' own records, so that the SMS survey and kiosk pages
    /// show a month of work: survey settings and finished visits of the last
    /// 30 days, and three kiosks at the central health station, one of them
    /// silent. No phone number is kept, as after a real survey's end.
    static func seedChannels(_ app: Application, organisation: Organisation, now: Date) async throws {
        let organisationID = try organisation.requireID()
        let units = try await OrgUnit.all(in: organisationID, on: app.db)
        let ids = Dictionary(uniqueKeysWithValues: units.compactMap { unit in unit.id.map { (unit.code, $0) } })
        let targets = try await Target.query(on: app.db).filter(\.$organisationID == organisationID).sort(\.$code).all()
        var firstTarget: [UUID: UUID] = [:]
        for target in targets where firstTarget[target.unitID] == nil { firstTarget[target.unitID] = target.id }

        var settings = SMSSurveySettings.defaults
        settings.enabled = true
        settings.units = Set(smsSurveyUnits.compactMap { ids[$0] })
        try await SMSSurveyStore.save(settings, for: organisationID, on: app.db)

        let visited = units.filter { unit in smsSurveyUnits.contains { unit.code.hasPrefix($0 + "-") } && firstTarget[unit.id!] != nil }
        // An answered visit is one of the demo's own SMS answers, as the survey would have recorded it.
        let smsAnswers = try await FeedbackResponse.query(on: app.db).filter(\.$organisationID == organisationID)
            .filter(\.$channel == KaikuCore.Channel.sms.rawValue).filter(\.$unitID ~~ visited.compactMap(\.id))
            .filter(\.$answeredAt >= now.addingTimeInterval(-29 * 86_400)).sort(\.$answeredAt).all()
        var answersOfUnit = Dictionary(grouping: smsAnswers, by: \.unitID)
        var generator = SplitMix64(seed: 311)
        var visits: [Visit] = []
        for index in 0..<smsSurveyVisits where !visited.isEmpty {
            let unit = visited[Int(generator.next() % UInt64(visited.count))]
            let visit = Visit()
            visit.organisationID = organisationID
            visit.externalID = "DEMO-\(index + 1)"
            visit.unitID = unit.id!
            visit.targetID = firstTarget[unit.id!]
            // Finished visits only: ones still waiting would need their jobs.
            visit.visitedAt = now.addingTimeInterval(-Double.random(in: 86_400...(30 * 86_400), using: &generator))
            visit.language = generator.pick([("fi", 0.9), ("sv", 0.07), ("en", 0.03)])
            visit.retried = generator.chance(0.05)
            visit.createdAt = visit.visitedAt
            let skip: VisitSkip? = generator.pick([(VisitSkip.nonDisclosure, 0.02), (.noConsent, 0.06), (.askedRecently, 0.04),
                                                   (.noPhone, 0.03)].map { (Optional($0.0), $0.1) } + [(nil, 0.85)])
            if let skip {
                visit.status = Visit.Status.skipped.rawValue
                visit.skipReason = skip.rawValue
            } else {
                visit.sendAt = visit.visitedAt.addingTimeInterval(2 * 3_600)
                visit.askedAt = visit.sendAt
                visit.status = generator.pick([(Visit.Status.done, 0.61), (.expired, 0.37), (.optedOut, 0.02)]).rawValue
                if visit.status == Visit.Status.done.rawValue {
                    if let answer = answersOfUnit[unit.id!]?.popLast() {
                        visit.responseID = answer.id
                        visit.askedAt = answer.answeredAt.addingTimeInterval(-15 * 60)
                        visit.sendAt = visit.askedAt
                        visit.visitedAt = visit.askedAt!.addingTimeInterval(-2 * 3_600)
                        visit.createdAt = visit.visitedAt
                    } else {
                        visit.status = Visit.Status.expired.rawValue
                    }
                }
            }
            visits.append(visit)
        }
        let finished = visits
        try await app.db.writeTransaction { database in
            for visit in finished { try await visit.create(on: database) }
        }

        guard let lobbyUnit = ids["JH-TER-VAST-KESK"], let lobbyTarget = firstTarget[lobbyUnit] else { return }
        for (name, lastSeen, offlineAfter) in [("Aula, Keskustan terveysasema", now, 7 * 24 * 60),
                                               ("Odotusaula, 2. kerros", now, 7 * 24 * 60),
                                               ("Laboratorion käytävä", now.addingTimeInterval(-3 * 3_600), 15)] {
            let (registered, code) = try await KioskStore.register(name: name, organisationID: organisationID, unitID: lobbyUnit,
                                                                   targetIDs: [lobbyTarget], offlineAfterMinutes: offlineAfter, now: now,
                                                                   on: app.db)
            // Paired with a token nobody holds: the demo's kiosks are for looking at; /kiosk pairs a real one.
            let device = try await KioskStore.pair(code: code, token: UUID().uuidString, now: now, on: app.db) ?? registered
            device.pairedAt = now.addingTimeInterval(-30 * 86_400)
            device.lastSeenAt = lastSeen
            try await device.save(on: app.db)
        }
    }
}
