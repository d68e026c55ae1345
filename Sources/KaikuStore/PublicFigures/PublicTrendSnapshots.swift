import FluentKit
import Foundation
import KaikuCore
import SQLKit

/// The published monthly figures behind a unit's 12-month trend: for every
/// unit and month, the tally of its subtree as last published, in the same
/// table as the period snapshots (`period` is `month-YYYYMM`, which the
/// period reader passes over).
///
/// Each month follows `PublicSnapshotRule` on its own: checked at most once
/// an hour and replaced only when at least the minimum n of new answers has
/// come into that month (late paper answers, a kiosk's queue), so that a
/// month cannot be differenced between two visits either.
public enum PublicTrendSnapshots {
    static let prefix = "month-"

    /// Each unit's published tally for each of `PublicTrend.monthStarts`, oldest month first.
    public static func current(
        organisation: Organisation, units: [OrgUnit], now: Date, on database: any Database
    ) async throws -> (months: [CalendarDay], tallies: [[UUID: Tally]]) {
        let organisationID = try organisation.requireID()
        // Whole seconds, which every database keeps exactly (as PublicFigureSnapshots does).
        let now = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let today = CalendarDay(date: now, timeZone: organisation.timeZone)
        let months = PublicTrend.monthStarts(today: today)
        var stored = try await read(organisationID: organisationID, on: database)
        let unitIDs = units.compactMap(\.id)
        let needsWork = months.contains { month in
            unitIDs.contains { unit in stored[month.monthKey]?[unit].map { PublicSnapshotRule.isDue(checkedAt: $0.checkedAt, now: now) } ?? true }
        }
        if needsWork {
            let tree = OrgTree(units.compactMap { unit in unit.id.map { (id: $0, parent: unit.parentID) } })
            let latest = SubmissionValidator.latestAnswerDay(now: now, timeZone: organisation.timeZone)
            for month in months {
                let own = try await RollupQuery.tallies(organisationID: organisationID, units: unitIDs, from: month,
                                                        to: PublicTrend.monthEnd(month), by: nil, noAnswersAfter: latest, on: database)
                let fresh = tree.rollUp(Dictionary(own.map { ($0.key.unitID, $0.value) }, uniquingKeysWith: +))
                try await update(month: month, organisationID: organisationID, units: unitIDs, stored: stored[month.monthKey] ?? [:],
                                 fresh: fresh, policy: organisation.suppression, now: now, on: database)
            }
            // Months that have left the window are no longer shown anywhere.
            try await database.sql.delete(from: PublicFigureSnapshots.schema)
                .where("organisation_id", .equal, SQLBind(organisationID))
                .where("period", .like, SQLBind(prefix + "%"))
                .where("from_day", .lessThan, SQLBind(months.first?.rawValue ?? 0))
                .run()
            stored = try await read(organisationID: organisationID, on: database)
        }
        return (months, months.map { month in (stored[month.monthKey] ?? [:]).mapValues(\.tally) })
    }

    struct Row {
        var id: UUID
        var tally: Tally
        var checkedAt: Date
        var version: Int
    }

    private static func update(
        month: CalendarDay, organisationID: UUID, units: [UUID], stored: [UUID: Row], fresh: [UUID: Tally], policy: SuppressionPolicy,
        now: Date, on database: any Database
    ) async throws {
        let sql = try database.sql
        for unit in units {
            let tally = fresh[unit] ?? .empty
            guard let row = stored[unit] else {
                // Another instance may have written it a moment ago: its row stays.
                try await sql.insert(into: PublicFigureSnapshots.schema)
                    .columns("id", "organisation_id", "unit_id", "period", "from_day", "to_day", "tally", "taken_at", "checked_at", "version")
                    .values([SQLBind(UUID()), SQLBind(organisationID), SQLBind(unit), SQLBind(prefix + String(month.monthKey)),
                             SQLBind(month.rawValue), SQLBind(PublicTrend.monthEnd(month).rawValue), SQLBind(try PublicFigureSnapshots.encode(tally)),
                             SQLBind(now), SQLBind(now), SQLBind(0)] as [any SQLExpression])
                    .ignoringConflicts(with: ["unit_id", "period"]).run()
                continue
            }
            guard PublicSnapshotRule.isDue(checkedAt: row.checkedAt, now: now) else { continue }
            let update = sql.update(PublicFigureSnapshots.schema).set("checked_at", to: SQLBind(now)).set("version", to: SQLBind(row.version + 1))
            if PublicSnapshotRule.replaces(countedThen: row.tally.responses, countedNow: tally.responses, policy: policy) {
                update.set("tally", to: SQLBind(try PublicFigureSnapshots.encode(tally))).set("taken_at", to: SQLBind(now))
            }
            try await update.where("id", .equal, SQLBind(row.id)).where("version", .equal, SQLBind(row.version)).run()
        }
    }

    private static func read(organisationID: UUID, on database: any Database) async throws -> [Int: [UUID: Row]] {
        let rows = try await database.sql.select()
            .columns("id", "unit_id", "period", "tally", "checked_at", "version")
            .from(PublicFigureSnapshots.schema)
            .where("organisation_id", .equal, SQLBind(organisationID))
            .where("period", .like, SQLBind(prefix + "%"))
            .all()
        var found: [Int: [UUID: Row]] = [:]
        let decoder = JSONDecoder()
        for row in rows {
            let period = try row.decode(column: "period", as: String.self)
            guard let month = Int(period.dropFirst(prefix.count)) else { continue }
            found[month, default: [:]][try row.decode(column: "unit_id", as: UUID.self)] = Row(
                id: try row.decode(column: "id", as: UUID.self),
                tally: try decoder.decode(Tally.self, from: Data(try row.decode(column: "tally", as: String.self).utf8)),
                checkedAt: try row.decode(column: "checked_at", as: Date.self), version: try row.decode(column: "version", as: Int.self))
        }
        return found
    }
}
