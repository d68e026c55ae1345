/// RFC 4180 fields: a field is quoted only when it holds a comma, a quote or
/// a line break, quotes inside are doubled, and records end in CRLF.
public enum CSVText {
    public static let lineEnd = "\r\n"
    /// Excel reads a CSV file without it as Windows-1252, which breaks ä and ö.
    public static let byteOrderMark = "\u{FEFF}"

    /// Appends one field. Text a spreadsheet would run as a formula (starting
    /// with `=`, `+`, `-`, `@`, tab or carriage return) gets a leading
    /// apostrophe, so that an open answer cannot smuggle a formula into Excel.
    public static func appendField(_ value: String, to out: inout ExportBytes) {
        var needsQuotes = false
        var hasQuote = false
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): needsQuotes = true; hasQuote = true
            case UInt8(ascii: ","), UInt8(ascii: "\n"), UInt8(ascii: "\r"): needsQuotes = true
            default: continue
            }
            if hasQuote { break }
        }
        let formula = value.utf8.first.map(isFormulaStart) ?? false
        if needsQuotes { out += "\"" }
        if formula { out += "'" }
        if hasQuote {
            out += value.replacingOccurrences(of: "\"", with: "\"\"")
        } else {
            out += value
        }
        if needsQuotes { out += "\"" }
    }

    static func isFormulaStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: true
        default: false
        }
    }
}
