import FluentKit
import Foundation
import KaikuCore
import SQLKit

/// The published public figures of an organisation: for every unit and
/// public period, the tally of its subtree as it was when last published.
///
/// The public pages show these, not the live rollups, so that they change
/// only as `PublicSnapshotRule` allows (at most once an hour, and only by at
/// least the minimum n of new answers). They live in a table rather than in
/// memory because several instances may serve one database: whichever
/// instance checks first writes the result, and the others read it, so all
/// of them publish the same figures. Writes are guarded by `version`, so two
/// instances checking at once cannot both change one snapshot.
public enum PublicFigureSnapshots {
    public static let schema = "public_figure_snapshots"

    public struct Snapshot: Sendable {
        public var id: UUID
        public var unitID: UUID
        public var period: PublicPeriod
        public var from: CalendarDay
        public var to: CalendarDay
        /// The unit's whole subtree over `from`…`to`, unsuppressed: never shown as it is.
        public var tally: Tally
        public var takenAt: Date
        public var checkedAt: Date
        public var version: Int
    }

    /// The organisation's snapshots by period and unit, first brought up to
    /// date as far as the rule allows at `now`. A unit without one gets one
    /// from the current rollups.
    public static func current(
        organisation: Organisation, units: [OrgUnit], now: Date, on database: any Database
    ) async throws -> [PublicPeriod: [UUID: Snapshot]] {
        let organisationID = try organisation.requireID()
        let stored = try await read(organisationID: organisationID, on: database)
        let needsWork = units.contains { unit in
            PublicPeriod.allCases.contains { period in
                guard let snapshot = stored[period]?[unit.id!] else { return true }
                return PublicSnapshotRule.isDue(checkedAt: snapshot.checkedAt, now: now)
            }
        }
        guard needsWork else { return stored }
        try await update(organisation: organisation, units: units, stored: stored, now: now, on: database)
        // Read back what is stored, which another instance may have written first.
        return try await read(organisationID: organisationID, on: database)
    }

    private static func update(
        organisation: Organisation, units: [OrgUnit], stored: [PublicPeriod: [UUID: Snapshot]], now: Date, on database: any Database
    ) async throws {
        let sql = try database.sql
        let organisationID = try organisation.requireID()
        // Whole seconds, which every database keeps exactly: a time stored
        // rounded up would make the next check come a moment too late.
        let now = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let tree = OrgTree(units.map { (id: $0.id!, parent: $0.parentID) })
        let unitIDs = units.map { $0.id! }
        let today = CalendarDay(date: now, timeZone: organisation.timeZone)
        let latest = SubmissionValidator.latestAnswerDay(now: now, timeZone: organisation.timeZone)
        /// Each unit's subtree tally from `from` to today.
        func subtreeTallies(from: CalendarDay) async throws -> [UUID: Tally] {
            let own = try await RollupQuery.tallies(
                organisationID: organisationID, units: unitIDs, from: from, to: today, by: nil, noAnswersAfter: latest, on: database)
            return tree.rollUp(Dictionary(own.map { ($0.key.unitID, $0.value) }, uniquingKeysWith: +))
        }

        for period in PublicPeriod.allCases {
            let from = period.from(today: today)
            let fresh = try await subtreeTallies(from: from)
            let mine = stored[period] ?? [:]
            let due = mine.values.filter { PublicSnapshotRule.isDue(checkedAt: $0.checkedAt, now: now) }
            // New answers are counted from each snapshot's own first day, so
            // that answers dated before it (paper handed in late) do not count
            // as a change they are not part of. Snapshots taken together share
            // a first day, so this is a read or two, once an hour.
            var countedSince: [CalendarDay: [UUID: Tally]] = [from: fresh]
            for day in Set(due.map(\.from)) where countedSince[day] == nil {
                countedSince[day] = try await subtreeTallies(from: day)
            }

            var checkedOnly: [UUID] = []
            for snapshot in due {
                let countedNow = countedSince[snapshot.from]?[snapshot.unitID]?.responses ?? 0
                if PublicSnapshotRule.replaces(countedThen: snapshot.tally.responses, countedNow: countedNow, policy: organisation.suppression) {
                    try await sql.update(schema)
                        .set("from_day", to: SQLBind(from.rawValue)).set("to_day", to: SQLBind(today.rawValue))
                        .set("tally", to: SQLBind(try encode(fresh[snapshot.unitID] ?? .empty)))
                        .set("taken_at", to: SQLBind(now)).set("checked_at", to: SQLBind(now))
                        .set("version", to: SQLBind(snapshot.version + 1))
                        .where("id", .equal, SQLBind(snapshot.id)).where("version", .equal, SQLBind(snapshot.version))
                        .run()
                } else {
                    checkedOnly.append(snapshot.id)
                }
            }
            // Only the time of the check changes; a snapshot checked meanwhile elsewhere is left as it is.
            for chunk in checkedOnly.chunked(into: 500) {
                try await sql.update(schema)
                    .set("checked_at", to: SQLBind(now))
                    .set(SQLIdentifier("version"), to: SQLBinaryExpression(SQLIdentifier("version"), .add, SQLLiteral.numeric("1")))
                    .where("id", .in, SQLBind.group(Array(chunk)))
                    .where("checked_at", .lessThanOrEqual, SQLBind(now.addingTimeInterval(-PublicSnapshotRule.interval)))
                    .run()
            }

            let missing = unitIDs.filter { mine[$0] == nil }
            for chunk in missing.chunked(into: 200) {
                let insert = sql.insert(into: schema)
                    .columns("id", "organisation_id", "unit_id", "period", "from_day", "to_day", "tally", "taken_at", "checked_at", "version")
                for unitID in chunk {
                    insert.values([
                        SQLBind(UUID()), SQLBind(organisationID), SQLBind(unitID), SQLBind(period.rawValue),
                        SQLBind(from.rawValue), SQLBind(today.rawValue), SQLBind(try encode(fresh[unitID] ?? .empty)),
                        SQLBind(now), SQLBind(now), SQLBind(0),
                    ] as [any SQLExpression])
                }
                // Another instance may have written the same unit's first snapshot a moment ago: its stays.
                try await insert.ignoringConflicts(with: ["unit_id", "period"]).run()
            }
        }
    }

    private static func read(organisationID: UUID, on database: any Database) async throws -> [PublicPeriod: [UUID: Snapshot]] {
        let rows = try await database.sql.select()
            .columns("id", "unit_id", "period", "from_day", "to_day", "tally", "taken_at", "checked_at", "version")
            .from(schema)
            .where("organisation_id", .equal, SQLBind(organisationID))
            .all()
        var snapshots: [PublicPeriod: [UUID: Snapshot]] = [:]
        let decoder = JSONDecoder()
        for row in rows {
            guard let period = PublicPeriod(rawValue: try row.decode(column: "period", as: String.self)),
                  let from = CalendarDay(rawValue: try row.decode(column: "from_day", as: Int.self)),
                  let to = CalendarDay(rawValue: try row.decode(column: "to_day", as: Int.self)) else { continue }
            let snapshot = Snapshot(
                id: try row.decode(column: "id", as: UUID.self), unitID: try row.decode(column: "unit_id", as: UUID.self),
                period: period, from: from, to: to,
                tally: try decoder.decode(Tally.self, from: Data(try row.decode(column: "tally", as: String.self).utf8)),
                takenAt: try row.decode(column: "taken_at", as: Date.self), checkedAt: try row.decode(column: "checked_at", as: Date.self),
                version: try row.decode(column: "version", as: Int.self))
            snapshots[period, default: [:]][snapshot.unitID] = snapshot
        }
        return snapshots
    }

    static func encode(_ tally: Tally) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(tally), as: UTF8.self)
    }
}
