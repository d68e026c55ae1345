import Foundation
import KaikuCore
import NIOConcurrencyHelpers

/// A clock tests can move forward.
final class TestClock: Sendable {
    private let current: NIOLockedValueBox<Date>

    init(_ start: Date = Date()) {
        current = NIOLockedValueBox(start)
    }

    var wall: WallClock { WallClock { self.current.withLockedValue { $0 } } }

    func advance(by interval: TimeInterval) {
        current.withLockedValue { $0 = $0.addingTimeInterval(interval) }
    }
}
