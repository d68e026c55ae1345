import Foundation

/// The source of "now", injected so that tests can fix time.
public struct WallClock: Sendable {
    private let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) {
        self.read = read
    }

    public var now: Date { read() }

    public static let system = WallClock { Date() }

    public static func fixed(_ date: Date) -> WallClock { WallClock { date } }
}
