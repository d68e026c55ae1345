extension String {
    /// The length limits published in the OpenAPI document are JSON Schema
    /// `maxLength`, which counts Unicode code points. Swift's `count` counts
    /// grapheme clusters, so a flag (two code points, one grapheme) would pass
    /// the server's check yet break the published contract. Every limit a
    /// client can see is measured with this.
    public var codePointCount: Int { unicodeScalars.count }
}
