import Foundation

/// Turns batches of answers into the text of an export, piece by piece, so
/// that an export of any size is written without holding it whole.
public struct ExportEncoder: Sendable {
    public let layout: ExportLayout
    public let format: ExportFormat
    public let byteOrderMark: Bool
    var timestamps: ZonedTimestampFormatter
    var values: [Int] = []
    private var rows = 0

    public init(layout: ExportLayout, format: ExportFormat, timeZone: TimeZone, byteOrderMark: Bool = true) {
        self.layout = layout
        self.format = format
        self.byteOrderMark = byteOrderMark && format == .csv
        self.timestamps = ZonedTimestampFormatter(timeZone: timeZone)
    }

    /// Rows encoded so far.
    public var count: Int { rows }

    /// What comes before the first row: the CSV header, or the array's opening.
    public func head() -> String {
        switch format {
        case .csv:
            var out = ExportBytes()
            if byteOrderMark { out += CSVText.byteOrderMark }
            for (index, column) in layout.columns.enumerated() {
                if index > 0 { out += "," }
                CSVText.appendField(column, to: &out)
            }
            out += CSVText.lineEnd
            return out.text
        case .json:
            return "["
        }
    }

    /// What comes after the last row.
    public func tail() -> String {
        format == .json ? "\n]\n" : ""
    }

    public mutating func encode(_ records: [AnswerRecord]) -> [UInt8] {
        var out = ExportBytes(capacity: records.count * (layout.includesText ? 260 : 160))
        for record in records { encode(record, to: &out) }
        return out.bytes
    }

    public mutating func encode(_ record: AnswerRecord, to out: inout ExportBytes) {
        layout.statements.values(survey: record.survey, stored: record.statements, into: &values)
        switch format {
        case .csv: appendCSV(record, to: &out)
        case .json:
            out += rows == 0 ? "\n" : ",\n"
            appendJSON(record, to: &out)
        }
        rows += 1
    }
}
