/// One complete server reply: a three-digit code and one or more lines of
/// text. Multi-line replies (`250-first`, `250-second`, `250 last`) arrive as
/// one value, so callers never see a half-read EHLO answer.
struct SMTPReply: Sendable, Equatable {
    let code: Int
    /// The text of each line without the code and separator.
    let lines: [String]

    var text: String { lines.joined(separator: " / ") }

    /// The extension keywords of an EHLO reply (upper-cased), each with its
    /// parameters: `["AUTH": ["PLAIN", "LOGIN"], "STARTTLS": [], ...]`.
    /// The first line is the server's greeting, not an extension.
    var extensions: [String: [String]] {
        var result: [String: [String]] = [:]
        for line in lines.dropFirst() {
            let words = line.split(separator: " ").map { $0.uppercased() }
            guard let keyword = words.first else { continue }
            result[keyword, default: []] += words.dropFirst()
        }
        return result
    }

    /// Returns normally when the code is in `accepted`, else throws the
    /// matching `SMTPError`: `rejected` for 4xx/5xx, `unexpectedReply` for a
    /// success code that does not fit the step.
    func require(_ accepted: ClosedRange<Int>, after step: String) throws {
        if accepted.contains(code) { return }
        if code >= 400 { throw SMTPError.rejected(command: step, code: code, message: text) }
        throw SMTPError.unexpectedReply(command: step, code: code, message: text)
    }

    /// Parses one reply line into code, whether more lines follow, and text.
    /// RFC 5321 §4.2: `code SP text`, `code - text`, or a bare `code`.
    static func parseLine(_ line: Substring) throws -> (code: Int, isLast: Bool, text: String) {
        let bytes = Array(line.utf8)
        guard bytes.count >= 3,
            (UInt8(ascii: "2")...UInt8(ascii: "5")).contains(bytes[0]),
            bytes[1...2].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else {
            throw SMTPError.protocolViolation("not an SMTP reply line: \(line.prefix(80).debugDescription)")
        }
        let code = bytes[0...2].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        guard bytes.count > 3 else { return (code, true, "") }
        switch bytes[3] {
        case UInt8(ascii: " "): return (code, true, String(decoding: bytes[4...], as: UTF8.self))
        case UInt8(ascii: "-"): return (code, false, String(decoding: bytes[4...], as: UTF8.self))
        default:
            throw SMTPError.protocolViolation("not an SMTP reply line: \(line.prefix(80).debugDescription)")
        }
    }
}
