/// How the `themes` rollup dimension names an answer's open-text themes and
/// sentiment in one value: the themes as stored (`,care,thanks,`, strongest
/// first), a bar, and the sentiment ("" when none). Counted so, the rollups
/// give exactly the groups a scan of the answers by (themes, sentiment) gives.
public struct ThemeRollupValue: Sendable, Hashable {
    public var themes: String
    public var sentiment: String?

    /// Nil for answers that count under no theme: no open text, or no themes.
    public init?(openText: Bool, themes: String?, sentiment: String?) {
        guard openText, let themes else { return nil }
        self.themes = themes
        self.sentiment = sentiment
    }

    /// Reads a stored value; nil for one this type did not write.
    public init?(rawValue: String) {
        guard let bar = rawValue.lastIndex(of: "|") else { return nil }
        themes = String(rawValue[..<bar])
        let sentiment = rawValue[rawValue.index(after: bar)...]
        self.sentiment = sentiment.isEmpty ? nil : String(sentiment)
    }

    public var rawValue: String { themes + "|" + (sentiment ?? "") }
}
