extension String {
    /// Control characters other than line breaks and tabs: never typed by a
    /// person, and PostgreSQL refuses NUL in text outright.
    public var containsStrayControlCharacters: Bool {
        unicodeScalars.contains { $0.properties.generalCategory == .control && !["\n", "\r", "\t"].contains($0) }
    }
}
