/// JSON string literals written by hand: the exports write millions of rows,
/// and `JSONEncoder` per row would cost more than reading them.
public enum JSONText {
    public static func appendString(_ value: String, to out: inout ExportBytes) {
        out += "\""
        if value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out += String(scalar)
                }
            }
        } else {
            out += value
        }
        out += "\""
    }

    /// A string, or `null` when there is none.
    public static func appendOptional(_ value: String?, to out: inout ExportBytes) {
        if let value { appendString(value, to: &out) } else { out += "null" }
    }
}
