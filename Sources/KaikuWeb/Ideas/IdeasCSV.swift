import Foundation
import KaikuCore

/// The ideas as CSV: the JSON list's fields, times with the organisation's
/// offset. Text starting like a formula is defused by `CSVText`.
struct IdeasCSV {
    static let columns = ["id", "created_at", "updated_at", "status", "category", "unit", "title", "description", "anonymous",
                          "submitter", "owner"]

    var timestamps: ZonedTimestampFormatter

    init(timeZone: TimeZone) {
        timestamps = ZonedTimestampFormatter(timeZone: timeZone)
    }

    mutating func encode(_ ideas: [IdeaDTO]) -> String {
        var out = ExportBytes(capacity: 256 + ideas.count * 512)
        out += CSVText.byteOrderMark + Self.columns.joined(separator: ",") + CSVText.lineEnd
        for idea in ideas {
            out += idea.id.uuidString.lowercased()
            for field in [timestamps.string(idea.createdAt), timestamps.string(idea.updatedAt), idea.status, idea.category, idea.unit,
                          idea.title, idea.description, String(idea.anonymous), idea.submitter ?? "", idea.ownerName ?? ""] {
                out += ","
                CSVText.appendField(field, to: &out)
            }
            out += CSVText.lineEnd
        }
        return String(decoding: out.bytes, as: UTF8.self)
    }
}
