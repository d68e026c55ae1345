import Foundation
import KaikuCore
import NIOCore

/// One `OutgoingEmail` made ready for the wire: the envelope addresses and
/// the RFC 5322 message (headers and quoted-printable body, CRLF line ends).
///
/// Building it validates everything that comes from outside, so a bad
/// address or a header-injection attempt fails before any connection opens.
public struct SMTPMessage: Sendable {
    let sender: SMTPAddress
    let recipient: SMTPAddress
    let replyTo: SMTPAddress?
    let messageID: String
    /// The whole message, ending in CRLF, not yet dot-stuffed.
    let text: String

    init(_ email: OutgoingEmail, from sender: SMTPAddress, date: Date = Date(), messageID: String? = nil) throws {
        try SMTPAddress.rejectLineBreaks(in: email.subject, field: "subject")
        try SMTPAddress.rejectLineBreaks(in: email.to, field: "to")
        if let replyTo = email.replyTo { try SMTPAddress.rejectLineBreaks(in: replyTo, field: "replyTo") }
        if let link = email.unsubscribeLink { try SMTPAddress.rejectLineBreaks(in: link, field: "unsubscribeLink") }

        self.sender = sender
        self.recipient = try SMTPAddress(parsing: email.to, field: "to")
        self.replyTo = try email.replyTo.flatMap { $0.isEmpty ? nil : try SMTPAddress(parsing: $0, field: "replyTo") }
        // The sender's domain makes the ID globally unique without revealing
        // the server's host name, as RFC 5322 §3.6.4 asks.
        self.messageID = messageID ?? "<\(UUID().uuidString.lowercased())@\(sender.domain)>"

        var headers = [
            "Date: \(Self.rfc5322Date(date))",
            SMTPHeaderEncoding.address("From", sender),
            SMTPHeaderEncoding.address("To", recipient),
        ]
        if let replyTo { headers.append(SMTPHeaderEncoding.address("Reply-To", replyTo)) }
        headers += [
            SMTPHeaderEncoding.unstructured("Subject", email.subject),
            "Message-ID: \(self.messageID)",
        ]
        if let link = email.unsubscribeLink, !link.contains(">") { headers.append("List-Unsubscribe: <\(link)>") }
        headers.append("MIME-Version: 1.0")
        let body: String
        if let html = email.html {
            // The boundary cannot occur in quoted-printable text, whose lines never hold "=_" unescaped.
            let boundary = "=_kaiku_\(UUID().uuidString.lowercased())"
            headers.append("Content-Type: multipart/alternative; boundary=\"\(boundary)\"")
            // The CRLF before a boundary belongs to the boundary (RFC 2046 §5.1.1): each part's own last line break is kept by one more.
            body = "--\(boundary)\r\n" + Self.part(email.body, type: "text/plain")
                + "\r\n--\(boundary)\r\n" + Self.part(html, type: "text/html")
                + "\r\n--\(boundary)--\r\n"
        } else {
            headers += ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable"]
            body = Self.encoded(email.body)
        }
        self.text = headers.joined(separator: "\r\n") + "\r\n\r\n" + body
    }

    /// A body part of a multipart message, headers and quoted-printable content.
    private static func part(_ content: String, type: String) -> String {
        "Content-Type: \(type); charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + encoded(content)
    }

    private static func encoded(_ content: String) -> String {
        let body = SMTPQuotedPrintable.encode(content)
        return body.hasSuffix("\r\n") ? body : body + "\r\n"
    }

    /// The message as an `.eml` file holds it, for a dry run that writes instead of sending.
    public static func eml(_ email: OutgoingEmail, fromAddress: String, fromName: String?, date: Date) throws -> String {
        let sender = try SMTPAddress(address: fromAddress, displayName: fromName, field: "from")
        return try SMTPMessage(email, from: sender, date: date).text
    }

    /// The bytes to send after the server's 354: the message with every line
    /// that starts with "." given one more (RFC 5321 §4.5.2), so that no line
    /// of content can end the transmission early, then the "." line that does.
    var dataPayload: ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(text.utf8.count + 16)
        var atLineStart = true
        for byte in text.utf8 {
            if atLineStart, byte == UInt8(ascii: ".") { buffer.writeInteger(UInt8(ascii: ".")) }
            buffer.writeInteger(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        buffer.writeString(".\r\n")
        return buffer
    }

    /// RFC 5322 date-time, e.g. "Tue, 05 May 2026 09:30:00 +0000". Built by
    /// hand in UTC: DateFormatter would follow the server's locale settings
    /// unless pinned, and is not safe to share between concurrent sends.
    static func rfc5322Date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute, .second], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int?) -> String {
            let value = value ?? 0
            return value < 10 ? "0\(value)" : "\(value)"
        }
        return "\(days[(parts.weekday ?? 1) - 1]), \(two(parts.day)) \(months[(parts.month ?? 1) - 1]) \(parts.year ?? 1970) "
            + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) +0000"
    }
}
