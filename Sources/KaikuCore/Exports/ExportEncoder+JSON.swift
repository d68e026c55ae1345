extension ExportEncoder {
    /// One JSON object with the API's camel-case names. Statements are in
    /// `answers` as `GET /api/v1/responses/{id}` gives them: a number, `null`
    /// for "cannot say", left out when not answered.
    mutating func appendJSON(_ record: AnswerRecord, to out: inout ExportBytes) {
        out += "{\"id\":"
        JSONText.appendString(record.id, to: &out)
        out += ",\"answeredAt\":\""
        timestamps.append(record.answeredAt, to: &out)
        out += "\",\"localDay\":\""
        ExportLayout.appendDay(record.localDay, to: &out)
        out += "\",\"organisation\":"
        JSONText.appendString(layout.organisation, to: &out)
        out += ",\"unit\":"
        JSONText.appendString(record.unit, to: &out)
        if layout.kind == .answers {
            out += ",\"target\":"
            JSONText.appendString(record.target, to: &out)
        }
        out += ",\"channel\":"
        JSONText.appendString(record.channel, to: &out)
        out += ",\"language\":"
        JSONText.appendString(record.language, to: &out)
        out += ",\"respondent\":"
        JSONText.appendOptional(record.respondent, to: &out)
        out += ",\"ageGroup\":"
        JSONText.appendOptional(record.ageGroup, to: &out)
        out += ",\"serviceMode\":"
        JSONText.appendOptional(record.serviceMode, to: &out)
        out += ",\"nps\":"
        if let score = record.recommendation { out.append(number: score) } else { out += "null" }
        out += ",\"answers\":{"
        var first = true
        for (index, value) in values.enumerated() where value != StatementColumns.unanswered {
            if !first { out += "," }
            first = false
            JSONText.appendString(layout.statements.ids[index], to: &out)
            out += ":"
            if value == StatementColumns.cannotSay { out += "null" } else { out.append(number: value) }
        }
        out += "}"
        if layout.kind == .answers {
            out += ",\"themes\":["
            for (index, theme) in record.themeList.enumerated() {
                if index > 0 { out += "," }
                JSONText.appendString(String(theme), to: &out)
            }
            out += "],\"sentiment\":"
            JSONText.appendOptional(record.sentiment, to: &out)
            out += ",\"openText\":"
            JSONText.appendOptional(record.openText, to: &out)
        }
        out += "}"
    }
}
