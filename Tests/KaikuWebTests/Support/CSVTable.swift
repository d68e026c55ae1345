import Foundation

/// A CSV export read back by RFC 4180's rules, strictly: records must end in
/// CRLF, so a bare line feed outside quotes fails the test that reads it.
struct CSVTable {
    var header: [String]
    var rows: [[String]]
    var hadByteOrderMark: Bool

    init(_ text: String) throws {
        var scalars = Substring(text).unicodeScalars[...]
        hadByteOrderMark = scalars.first == "\u{FEFF}"
        if hadByteOrderMark { scalars = scalars.dropFirst() }
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var quoted = false
        var index = scalars.startIndex
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
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty: quoted = true
            case ",":
                record.append(String(field))
                field = String.UnicodeScalarView()
            case "\r":
                guard index < scalars.endIndex, scalars[index] == "\n" else { throw Malformed(reason: "CR without LF") }
                index = scalars.index(after: index)
                record.append(String(field))
                records.append(record)
                record = []
                field = String.UnicodeScalarView()
            case "\n", "\"": throw Malformed(reason: "bare \(scalar == "\n" ? "LF" : "quote") in an unquoted field")
            default: field.append(scalar)
            }
        }
        guard !quoted, record.isEmpty, field.isEmpty else { throw Malformed(reason: "the last record does not end in CRLF") }
        guard let header = records.first else { throw Malformed(reason: "no header") }
        for record in records where record.count != header.count { throw Malformed(reason: "a record of \(record.count) fields, not \(header.count)") }
        self.header = header
        rows = Array(records.dropFirst())
    }

    struct Malformed: Error {
        var reason: String
    }

    /// The records as column → value.
    var objects: [[String: String]] {
        rows.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
}
