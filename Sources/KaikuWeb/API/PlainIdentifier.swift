import KaikuCore

/// Codes, e-mail addresses and receipts that reach a query must be short
/// printable text: PostgreSQL refuses NUL bytes with an error, and nobody
/// types control characters into a code.
enum PlainIdentifier {
    static func isPlain(_ value: String, maxLength: Int = 254) -> Bool {
        !value.isEmpty && value.codePointCount <= maxLength
            && !value.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}
