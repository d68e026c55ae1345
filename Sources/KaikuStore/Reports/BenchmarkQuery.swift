import FluentKit
import Foundation
import KaikuCore

/// Figures of the organisations that opted in to benchmarking, at
/// organisation level only: no unit of another organisation is ever named
/// or counted separately. A figure is shown only when it passes both the
/// viewer's and its owner's minimum n, so that sharing never shows a group
/// smaller than either organisation allows.
public enum BenchmarkQuery {
    public struct Entry: Sendable {
        public var organisation: Organisation
        public var figures: Figures
        public var own: Bool
    }

    /// Nil when the viewer's organisation has not opted in: who does not share does not see.
    public static func figures(viewer: Organisation, from: CalendarDay, to: CalendarDay, statementOrder: [String],
                               now: Date, on database: any Database) async throws -> [Entry]? {
        guard viewer.benchmarking else { return nil }
        let organisations = try await Organisation.query(on: database).filter(\.$benchmarking == true).sort(\.$code).all()
        var entries: [Entry] = []
        for organisation in organisations {
            let id = try organisation.requireID()
            let units = try await OrgUnit.all(in: id, on: database)
            guard let root = units.first(where: { $0.parentID == nil })?.id else { continue }
            // Every unit counts under one key; an organisation with several roots is still one figure.
            let tallies = try await RollupQuery.tallies(organisationID: id, units: units.map { $0.id! }, from: from, to: to,
                                                        by: nil, perUnit: false, root: root,
                                                        noAnswersAfter: SubmissionValidator.latestAnswerDay(now: now, timeZone: organisation.timeZone), on: database)
            let tally = tallies.values.reduce(Tally.empty, +)
            let policy = SuppressionPolicy(minimumN: max(viewer.minimumN, organisation.minimumN))
            entries.append(Entry(organisation: organisation, figures: Figures(tally: tally, statementOrder: statementOrder, policy: policy),
                                 own: id == viewer.id))
        }
        return entries
    }
}
