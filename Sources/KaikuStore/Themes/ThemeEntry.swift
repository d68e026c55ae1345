import KaikuCore

/// One theme an organisation's answers can carry: a default (named by the
/// `theme.<code>` catalogue entries) or the organisation's own (named here).
public struct ThemeEntry: Sendable, Equatable {
    public var code: String
    /// The organisation's own name for its own theme; nil for the defaults.
    public var ownName: LocalizedText?

    public init(code: String, ownName: LocalizedText? = nil) {
        self.code = code
        self.ownName = ownName
    }

    public var isDefault: Bool { ownName == nil }

    /// The name in `language`; `defaultName` gives a default theme's catalogue text.
    public func name(in language: Language, defaultName: (String) -> String) -> String {
        ownName?[language] ?? defaultName(code)
    }
}
