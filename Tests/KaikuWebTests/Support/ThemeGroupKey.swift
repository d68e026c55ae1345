import KaikuCore

/// A theme group as a set member, for comparing the rollups' groups with a
/// scan's in any order.
struct ThemeGroupKey: Hashable {
    var bucket: Int
    var themes: [String]
    var sentiment: Sentiment?
    var n: Int

    init(_ group: ThemeFigures.Group) {
        bucket = group.bucket
        themes = group.themes
        sentiment = group.sentiment
        n = group.n
    }
}
