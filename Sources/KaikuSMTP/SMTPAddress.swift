import Foundation

/// A mailbox as it goes into the SMTP envelope and into an address header:
/// `kirjaamo@example.fi`, optionally with a display name (`Kaiku <…>`).
///
/// Addresses come from customers' forms and settings, so they are validated
/// strictly rather than per the full RFC 5322 grammar: a plain ASCII
/// `local@domain` covers real addresses and leaves no room for smuggling
/// extra recipients, SMTP commands or headers through the envelope.
public struct SMTPAddress: Sendable, Hashable {
    /// The bare `local@domain`, as used in `MAIL FROM:<…>` and `RCPT TO:<…>`.
    public let address: String
    public let displayName: String?

    /// Parses `local@domain` or `Display Name <local@domain>`.
    /// - Parameter field: names the field in the error, e.g. "to".
    public init(parsing text: String, field: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            var name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
                name = String(name.dropFirst().dropLast())
            }
            let inner = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            try self.init(address: inner, displayName: name.isEmpty ? nil : name, field: field)
        } else {
            try self.init(address: trimmed, displayName: nil, field: field)
        }
    }

    public init(address: String, displayName: String?, field: String) throws {
        try Self.rejectLineBreaks(in: address, field: field)
        if let displayName {
            try Self.rejectLineBreaks(in: displayName, field: field)
            // Other control characters would not break the header (the name is
            // encoded), but no real name contains them.
            if displayName.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                throw SMTPError.invalidMessage(field: field, reason: "contains a control character in the display name")
            }
        }
        try Self.validate(address, field: field)
        self.address = address
        self.displayName = displayName
    }

    /// The domain part, used to make Message-IDs unique to the sender.
    public var domain: Substring {
        address[address.index(after: address.lastIndex(of: "@")!)...]
    }

    /// The value for a From/To/Reply-To header: the address alone, or the
    /// display name (quoted or RFC 2047-encoded as needed) and `<address>`.
    var headerTokens: [String] {
        guard let displayName, !displayName.isEmpty else { return [address] }
        return SMTPHeaderEncoding.phrase(displayName) + ["<\(address)>"]
    }

    /// CR or LF in any header value could end the header early and start one
    /// of the sender's choosing ("header injection"); the Unicode line
    /// separators are refused too so that no later re-encoding can revive them.
    static func rejectLineBreaks(in value: String, field: String) throws {
        let breaks: Set<Unicode.Scalar> = ["\r", "\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]
        if value.unicodeScalars.contains(where: breaks.contains) {
            throw SMTPError.invalidMessage(field: field, reason: "contains a line break (CR/LF), which could inject mail headers")
        }
    }

    private static func validate(_ address: String, field: String) throws {
        func invalid(_ reason: String) -> SMTPError {
            .invalidMessage(field: field, reason: "address '\(address)' \(reason)")
        }
        guard address.utf8.count <= 254 else { throw invalid("is longer than 254 characters") }
        guard address.unicodeScalars.allSatisfy({ $0.isASCII }) else {
            // Non-ASCII mailboxes need the SMTPUTF8 extension, which many
            // relays lack; better a clear refusal than a silent bounce.
            throw invalid("contains non-ASCII characters")
        }
        let forbidden = Set(" \t<>()[],;:\"\\".unicodeScalars)
        if let bad = address.unicodeScalars.first(where: { forbidden.contains($0) || $0.value < 0x20 || $0.value == 0x7F }) {
            throw invalid("contains the character \(bad.escaped(asASCII: true))")
        }
        guard let at = address.lastIndex(of: "@") else { throw invalid("has no @") }
        let local = address[..<at]
        let domain = address[address.index(after: at)...]
        guard !local.isEmpty, !domain.isEmpty else { throw invalid("needs text on both sides of @") }
        guard !local.contains("@") else { throw invalid("has more than one @") }
        guard !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains("..") else {
            throw invalid("has a malformed domain")
        }
    }
}
