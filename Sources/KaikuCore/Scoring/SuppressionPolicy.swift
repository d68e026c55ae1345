/// The organisation's rule for small groups: a figure computed from fewer
/// answers than `minimumN` is not shown. THL and counties use 5 by default.
public struct SuppressionPolicy: Sendable, Hashable {
    public static let defaultMinimumN = 5

    public var minimumN: Int

    public init(minimumN: Int = SuppressionPolicy.defaultMinimumN) {
        self.minimumN = max(1, minimumN)
    }

    public func allows(_ n: Int) -> Bool { n >= minimumN && n > 0 }
}
