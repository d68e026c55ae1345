import Foundation
import KaikuStore

/// Keeps resolved targets for a short while: every submission needs its
/// target's unit, organisation and survey, and they change rarely. A stale
/// entry lives at most `lifetime`, after which a re-mapped target takes effect.
actor TargetContextCache {
    private var entries: [String: (context: TargetContext, expires: Date)] = [:]
    private let lifetime: TimeInterval

    init(lifetime: TimeInterval = 30) {
        self.lifetime = lifetime
    }

    func context(for code: String, now: Date, load: @Sendable () async throws -> TargetContext?) async throws -> TargetContext? {
        if let entry = entries[code], entry.expires > now { return entry.context }
        guard let context = try await load() else { return nil }
        if entries.count > 10_000 { entries.removeAll() }
        entries[code] = (context, now.addingTimeInterval(lifetime))
        return context
    }

    func removeAll() {
        entries.removeAll()
    }
}
