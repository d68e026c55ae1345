/// An imported CSV file read by column name: the header line names the
/// columns in any order. A column Kaiku does not know is refused rather than
/// ignored, so that a misspelt `nimi_fi` or `closd` is noticed at once
/// instead of silently importing empty values.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        public var line: Int
        var fields: [String]
        var columns: [String: Int]

        /// The value of a column, NFC-normalised and trimmed of surrounding
        /// spaces; empty when the column is absent.
        public subscript(column: String) -> String {
            guard let index = columns[column], index < fields.count else { return "" }
            return ImportValue.clean(fields[index])
        }
    }

    public var rows: [Row]

    /// Reads `text` with `required` columns and the `optional` ones it may
    /// have; throws every problem with the file as a whole.
    public static func read(_ text: String, required: [String], optional: [String] = [], maxRows: Int = 100_000)
        throws(ImportFailure) -> CSVTable {
        let records: [(line: Int, fields: [String])]
        do {
            records = try CSVReader.records(text)
        } catch {
            throw ImportFailure([ImportLineError(line: error.line, message: "A quoted field starting on this line never ends (a missing \").")])
        }
        guard let header = records.first else {
            throw ImportFailure([ImportLineError(line: 1, message: "The file is empty; the first line must name the columns: \(required.joined(separator: ","))." )])
        }
        var columns: [String: Int] = [:]
        var errors: [ImportLineError] = []
        for (index, raw) in header.fields.enumerated() {
            let name = ImportValue.clean(raw).lowercased()
            if !(required + optional).contains(name) {
                errors.append(ImportLineError(line: header.line, message: "Unknown column \"\(ImportValue.quoted(name))\"; the columns are \((required + optional).joined(separator: ","))."))
            } else if columns[name] != nil {
                errors.append(ImportLineError(line: header.line, message: "The column \(name) is named twice."))
            } else {
                columns[name] = index
            }
        }
        for name in required where columns[name] == nil {
            errors.append(ImportLineError(line: header.line, message: "The column \(name) is missing; the columns are \((required + optional).joined(separator: ","))."))
        }
        if records.count - 1 > maxRows {
            errors.append(ImportLineError(line: header.line, message: "The file has more than \(maxRows) rows."))
        }
        guard errors.isEmpty else { throw ImportFailure(errors) }
        var rows: [Row] = []
        for record in records.dropFirst() {
            if record.fields.count > header.fields.count {
                errors.append(ImportLineError(line: record.line, message: "This line has \(record.fields.count) fields but the header names \(header.fields.count) columns (a separator inside a value must be quoted)."))
            } else {
                rows.append(Row(line: record.line, fields: record.fields, columns: columns))
            }
        }
        guard errors.isEmpty else { throw ImportFailure(errors) }
        return CSVTable(rows: rows)
    }
}

/// An import refused as a whole, with every line's problem.
public struct ImportFailure: Error, Sendable, Equatable {
    public var errors: [ImportLineError]

    public init(_ errors: [ImportLineError]) { self.errors = errors }
}
