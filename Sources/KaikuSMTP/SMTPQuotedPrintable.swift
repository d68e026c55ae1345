/// Quoted-printable body encoding (RFC 2045 §6.7).
///
/// Chosen over base64 because Kaiku's mail is mostly ASCII with the odd ä or
/// ö: quoted-printable keeps it readable in logs and raw views, and it is
/// still pure 7-bit, so no relay on the way can mangle it (an 8BITMIME body
/// would depend on every hop supporting it).
enum SMTPQuotedPrintable {
    /// RFC 2045: encoded lines "must be no more than 76 characters long".
    static let maximumLineLength = 76

    /// Encodes UTF-8 text. Line breaks of any convention (CRLF, LF, lone CR)
    /// become CRLF hard breaks, as the text/plain media type requires.
    /// Dots at the start of a line are left alone: dot-stuffing is the SMTP
    /// DATA layer's business and happens there, for headers and body alike.
    static func encode(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count + text.utf8.count / 4)
        var line: [UInt8] = []
        var previousWasCR = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\n") where previousWasCR:
                break  // the LF of a CRLF already ended the line at its CR
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                encodeLine(line, into: &output)
                output += "\r\n"
                line.removeAll(keepingCapacity: true)
            default:
                line.append(byte)
            }
            previousWasCR = byte == UInt8(ascii: "\r")
        }
        encodeLine(line, into: &output)
        return output
    }

    private static func encodeLine(_ bytes: [UInt8], into output: inout String) {
        var lineLength = 0
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.index(before: bytes.endIndex)
            let token: String
            switch byte {
            case 0x21...0x3C, 0x3E...0x7E:
                token = String(UnicodeScalar(byte))
            case 0x20 where !isLast, 0x09 where !isLast:
                token = String(UnicodeScalar(byte))
            default:
                // "=", bytes of non-ASCII characters, control characters, and
                // whitespace at the end of a line (which transports may strip).
                token = "=" + hex(byte)
            }
            // Leave room for the "=" of a soft line break, except after the
            // line's last token, which needs none. A token is never split, so
            // "=C3" cannot be torn apart.
            let limit = isLast ? maximumLineLength : maximumLineLength - 1
            if lineLength + token.utf8.count > limit {
                output += "=\r\n"
                lineLength = 0
            }
            output += token
            lineLength += token.utf8.count
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
