/// Reads CSV as other systems write it: RFC 4180 quoting, CRLF or LF line
/// ends, an optional byte order mark, and a comma or, as Finnish Excel
/// writes it, a semicolon between fields (whichever the header line uses).
public enum CSVReader {
    public struct Malformed: Error, Equatable {
        public var line: Int
    }

    /// The records with the line each starts on; blank lines are skipped.
    public static func records(_ text: String) throws(Malformed) -> [(line: Int, fields: [String])] {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        let headerLine = scalars.prefix { $0 != "\n" && $0 != "\r" }
        let delimiter: Unicode.Scalar = headerLine.contains(";") && !headerLine.contains(",") ? ";" : ","
        var records: [(line: Int, fields: [String])] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var quoted = false, line = 1, recordLine = 1
        var index = scalars.startIndex
        func endRecord() {
            record.append(String(field))
            field = String.UnicodeScalarView()
            if !(record.count == 1 && record[0].isEmpty) { records.append((recordLine, record)) }
            record = []
        }
        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            if quoted {
                if scalar == "\"" {
                    if index < scalars.endIndex, scalars[index] == "\"" {
                        field.append("\"")
                        index = scalars.index(after: index)
                    } else {
                        quoted = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty: quoted = true
            case delimiter:
                record.append(String(field))
                field = String.UnicodeScalarView()
            case "\r":
                continue
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default: field.append(scalar)
            }
        }
        if quoted { throw Malformed(line: recordLine) }
        if !field.isEmpty || !record.isEmpty { endRecord() }
        return records
    }
}
