extension ExportEncoder {
    /// One CSV record. Codes and numbers are written as they are; every text a
    /// person could have typed goes through `CSVText` for quoting and formula defusing.
    mutating func appendCSV(_ record: AnswerRecord, to out: inout ExportBytes) {
        CSVText.appendField(record.id, to: &out)
        out += ","
        timestamps.append(record.answeredAt, to: &out)
        out += ","
        ExportLayout.appendDay(record.localDay, to: &out)
        out += ","
        CSVText.appendField(layout.organisation, to: &out)
        out += ","
        CSVText.appendField(record.unit, to: &out)
        if layout.kind == .answers {
            out += ","
            CSVText.appendField(record.target, to: &out)
        }
        // One call each rather than a loop over an array: the array would be allocated for every row.
        out += ","
        CSVText.appendField(record.channel, to: &out)
        out += ","
        CSVText.appendField(record.language, to: &out)
        out += ","
        CSVText.appendField(record.respondent ?? "", to: &out)
        out += ","
        CSVText.appendField(record.ageGroup ?? "", to: &out)
        out += ","
        CSVText.appendField(record.serviceMode ?? "", to: &out)
        out += ","
        if let score = record.recommendation { out.append(number: score) }
        for value in values {
            out += ","
            switch value {
            case StatementColumns.unanswered: break
            case StatementColumns.cannotSay: out += ExportLayout.cannotSay
            default: out.append(number: value)
            }
        }
        if layout.kind == .answers {
            out += ","
            CSVText.appendField(record.themeList.joined(separator: "|"), to: &out)
            out += ","
            CSVText.appendField(record.sentiment ?? "", to: &out)
            out += ","
            CSVText.appendField(record.openText ?? "", to: &out)
        }
        out += CSVText.lineEnd
    }
}
