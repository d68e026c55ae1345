import Foundation
import KaikuStore
import NIOConcurrencyHelpers

/// Keeps resolved targets for a short while: every submission needs its
/// target's unit, organisation and survey, and they change rarely. A stale
/// entry lives at most `lifetime`, after which a re-mapped target takes effect.
///
/// Behind a lock rather than an actor: a hit is a dictionary read on every
/// submission, cheaper than the hop to an actor and back.
final class TargetContextCache: Sendable {
    private struct Entry {
        var context: TargetContext
        var expires: Date
    }

    private let entries = NIOLockedValueBox<[String: Entry]>([:])
    private let lifetime: TimeInterval

    init(lifetime: TimeInterval = 30) {
        self.lifetime = lifetime
    }

    func context(for code: String, now: Date, load: @Sendable () async throws -> TargetContext?) async throws -> TargetContext? {
        if let entry = entries.withLockedValue({ $0[code] }), entry.expires > now { return entry.context }
        guard let context = try await load() else { return nil }
        let lifetime = self.lifetime
        entries.withLockedValue { entries in
            if entries.count > 10_000 { entries.removeAll() }
            entries[code] = Entry(context: context, expires: now.addingTimeInterval(lifetime))
        }
        return context
    }

    /// Async, as its callers await it; clearing only takes the lock.
    func removeAll() async {
        entries.withLockedValue { $0.removeAll() }
    }
}
