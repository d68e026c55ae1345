import FluentKit
import Foundation
import KaikuCore
import SQLKit
import XCTVapor
@testable import KaikuStore
@testable import KaikuWeb

/// Compares the rollups with a scan of the answers for random periods,
/// subtrees and groupings: whichever way answers were written, both must
/// give exactly the same figures.
enum RollupCheck {
    /// A generator over the world's targets, ending on a fixed day and
    /// spanning more than a year, so that periods cross years.
    static func generator(_ app: Application, _ world: TestWorld) async throws -> SyntheticAnswers {
        let targets = try await Target.query(on: app.db).filter(\.$organisationID == world.organisation.requireID()).all()
        var generator = SyntheticAnswers(
            organisationID: try world.organisation.requireID(), surveyID: world.organisation.surveyID!,
            statementIDs: app.kaiku.nationalSurvey.statements.map(\.id), timeZone: world.organisation.timeZone,
            targets: targets.map { .init(targetID: $0.id!, unitID: $0.unitID, quality: 0, weight: 1) },
            end: Date(timeIntervalSince1970: 1_795_000_000))
        generator.days = 430
        return generator
    }

    static func assertRollupsMatchScans(
        _ app: Application, _ world: TestWorld, generator: SyntheticAnswers, rounds: Int, seed: UInt64 = 99,
        file: StaticString = #filePath, line: UInt = #line
    ) async throws {
        // Nothing is dated after this day, so a period reaching it may be covered as if it ran on.
        let latest = SubmissionValidator.latestAnswerDay(now: generator.end, timeZone: world.organisation.timeZone)
        let units = try await OrgUnit.query(on: app.db).filter(\.$organisationID == world.organisation.requireID()).all()
        let tree = OrgTree(units.map { (id: $0.id!, parent: $0.parentID) })
        var random = SplitMix64(seed: seed)
        let first = CalendarDay(year: 2025, month: 8, day: 1)!
        let sql = try app.db.sql

        let dimensions: [TallyQuery.Dimension?] = [nil] + TallyQuery.Dimension.allCases
        for round in 0..<rounds {
            let a = first.adding(days: Int(random.next() % 520)), b = first.adding(days: Int(random.next() % 520))
            let (from, to) = (min(a, b), max(a, b))
            let root = units[Int(random.next() % UInt64(units.count))]
            let subtree = tree.subtree(of: root.id!)
            let dimension = dimensions[round % dimensions.count]
            let orgID = try world.organisation.requireID()

            let scanned = try await TallyQuery.tallies(organisationID: orgID, units: subtree, from: from, to: to, by: dimension, on: sql)
            let rolled = try await RollupQuery.tallies(organisationID: orgID, units: subtree, from: from, to: to, by: dimension, on: app.db)
            let summed = try await RollupQuery.tallies(organisationID: orgID, units: subtree, from: from, to: to, by: dimension,
                                                       perUnit: false, root: root.id!, on: app.db)
            let extended = try await RollupQuery.tallies(organisationID: orgID, units: subtree, from: from, to: to, by: dimension,
                                                         noAnswersAfter: latest, on: app.db)

            let context = "round \(round): \(root.code) \(from)...\(to) by \(dimension.map(\.rawValue) ?? "none")"
            XCTAssertEqual(rolled, scanned, context, file: file, line: line)
            XCTAssertEqual(extended, scanned, context + " (covered past the last answer)", file: file, line: line)
            var scannedTotals: [TallyQuery.Key: Tally] = [:]
            for (key, tally) in scanned { scannedTotals[TallyQuery.Key(unitID: root.id!, group: key.group), default: .empty].add(tally) }
            XCTAssertEqual(summed, scannedTotals, context, file: file, line: line)
            // Reports read the root and its children as whole subtrees.
            let heads = [root.id!] + (tree.children[root.id!] ?? [])
            var scannedSubtrees: [TallyQuery.Key: Tally] = [:]
            for (key, tally) in scanned {
                for head in heads where tree.isInSubtree(key.unitID, of: head) {
                    scannedSubtrees[TallyQuery.Key(unitID: head, group: key.group), default: .empty].add(tally)
                }
            }
            for covered in [nil, latest] {
                let subtrees = try await RollupQuery.subtreeTallies(units: heads, parents: tree.parents, from: from, to: to, by: dimension,
                                                                    noAnswersAfter: covered, on: app.db)
                XCTAssertEqual(subtrees, scannedSubtrees, context + " (subtrees\(covered == nil ? "" : ", covered past the last answer"))",
                               file: file, line: line)
            }
            // Themes by month against the period before, from the rollups' themes dimension.
            let themeFrom = from.adding(days: Int(random.next() % 40))
            let themeGroups = try await ThemeQuery.groups(root: root.id!, hasChildren: subtree.count > 1, previousFrom: from, from: themeFrom,
                                                          to: to, on: app.db)
            let scannedThemes = try await ThemeQuery.scannedGroups(organisationID: orgID, units: subtree, previousFrom: from, from: themeFrom,
                                                                   to: to, on: sql)
            XCTAssertEqual(Set(themeGroups.map(ThemeGroupKey.init)), Set(scannedThemes.map(ThemeGroupKey.init)), context + " (themes)",
                           file: file, line: line)
            XCTAssertEqual(themeGroups.count, scannedThemes.count, context + " (themes)", file: file, line: line)
            // A unit added after the answers has none to cover.
            let answered = Set(generator.targets.map(\.unitID))
            XCTAssertFalse(scanned.isEmpty && from.dayNumber + 60 < to.dayNumber && subtree.contains(where: answered.contains), "the data should cover long spans (\(context))",
                           file: file, line: line)
        }
    }
}
