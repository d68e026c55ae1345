import Foundation
import Fluent
import KaikuCore
import KaikuStore

/// Reads the places a customer may give feedback on: every active target of an open unit,
/// with the service area it belongs to.
enum LandingQuery {
    static func entries(on database: any Database) async throws -> [LandingModel.Entry] {
        let (targets, byID) = try await Directory.activeTargets(on: database)
        return targets.map { target, unit in
            LandingModel.Entry(code: target.code, name: target.name, keywords: target.keywords, unit: unit.code,
                               area: area(of: unit, byID: byID))
        }
    }

    /// The unit's ancestor just below its organisation's root (the unit itself when it is one);
    /// the root for places of the root itself. Bounded, so a damaged tree cannot loop.
    static func area(of unit: OrgUnit, byID: [UUID: OrgUnit]) -> LandingModel.Area {
        var current = unit
        for _ in 0..<64 {
            guard let parentID = current.parentID, let parent = byID[parentID] else { break }
            if parent.parentID == nil { break }
            current = parent
        }
        return LandingModel.Area(code: current.code, name: current.name)
    }
}
