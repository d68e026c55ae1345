/// URL-encoded text (a query, a form body) read by the rules of Vapor's
/// `URLEncodedFormDecoder` as `TextParameters` decodes through it, in one pass
/// without Foundation: a name's value is its last plain `name=value`; names
/// with brackets (`units[]`, `a[b]`) and bare flags have none; a name that
/// does not decode, a bracket not closed, or nesting deeper than Vapor's limit
/// makes the whole text unreadable, as there. Text that is not ASCII (never a
/// real URL's query, always percent-encoded) is left to Vapor's decoder, whose
/// splitting works on characters rather than bytes.
extension TextParameters {
    /// The values, or nil when this reader leaves the text to Vapor's decoder.
    static func fastURLEncoded(_ text: String) -> TextParameters? {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        guard let values = plainValues(text) else { return TextParameters() }
        return TextParameters(values: values)
    }

    /// Vapor's URLEncodedFormData.set refuses paths deeper than this.
    private static let deepestPath = 100

    private static func plainValues(_ text: String) -> [String: String]? {
        var last: [String: Substring] = [:]
        for pair in text.split(separator: "&") {
            guard let equals = pair.firstIndex(of: "=") else { continue }
            guard let name = PercentDecoding.decode(pair[..<equals], plusAsSpace: true) else { return nil }
            let parts = name.split(separator: "[")
            guard parts.count <= deepestPath else { return nil }
            guard parts.dropFirst().allSatisfy({ $0.last == "]" }) else { return nil }
            if parts.count == 1, let base = parts.first {
                last[String(base)] = pair[pair.index(after: equals)...]
            }
        }
        var values: [String: String] = [:]
        for (name, raw) in last {
            values[name] = PercentDecoding.decode(raw, plusAsSpace: true)
        }
        return values
    }
}
