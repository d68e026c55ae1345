import Foundation
import KaikuCore

/// The feed as CSV: the same columns as the JSON list, times with the
/// organisation's offset, themes as codes separated by spaces. Open text
/// starting like a formula is defused by `CSVText`.
struct FeedbackCSV {
    static let columns = ["id", "received_at", "target", "unit", "channel", "language", "nps", "themes", "sentiment",
                          "read", "flagged", "public", "open_text"]

    var timestamps: ZonedTimestampFormatter
    var byteOrderMark: Bool

    init(timeZone: TimeZone, byteOrderMark: Bool = true) {
        timestamps = ZonedTimestampFormatter(timeZone: timeZone)
        self.byteOrderMark = byteOrderMark
    }

    func head() -> [UInt8] {
        Array(((byteOrderMark ? CSVText.byteOrderMark : "") + Self.columns.joined(separator: ",") + CSVText.lineEnd).utf8)
    }

    mutating func encode(_ items: [FeedbackItemDTO]) -> [UInt8] {
        var out = ExportBytes(capacity: items.count * 256)
        for item in items {
            out += item.id.uuidString.lowercased()
            out += ","
            timestamps.append(item.receivedAt.timeIntervalSince1970, to: &out)
            for field in [item.target, item.unit, item.channel, item.language, item.nps.map(String.init) ?? "",
                          item.themes.joined(separator: " "), item.sentiment ?? "", String(item.read), String(item.flagged),
                          String(item.isPublic), item.openText] {
                out += ","
                CSVText.appendField(field, to: &out)
            }
            out += CSVText.lineEnd
        }
        return out.bytes
    }
}
