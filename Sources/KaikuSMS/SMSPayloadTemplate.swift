import Foundation

/// The JSON body posted to the gateway, written as the gateway expects it
/// with `{to}`, `{text}`, `{reference}` and `{sender}` where the message's
/// values go. Each gateway names its fields differently; a template lets an
/// organisation point Kaiku at theirs without new code.
///
/// The values are JSON-escaped and pasted in place, so placeholders belong
/// inside string literals: `{"msisdn":"{to}"}`. The template is split once,
/// up front, and filled in a single pass, so a text that itself contains
/// `{reference}` stays as written instead of being substituted again.
public struct SMSPayloadTemplate: Sendable, Hashable {
    public enum Field: String, Sendable, CaseIterable {
        case to, text, reference, sender
    }

    enum Part: Sendable, Hashable {
        case literal(String)
        case field(Field)
    }

    public let source: String
    let parts: [Part]

    /// Fits the request format of Kaiku's own simulator and many gateways.
    public static let defaultSource = #"{"to":"{to}","from":"{sender}","text":"{text}","reference":"{reference}"}"#
    // The default is known to be valid, so failing here is a programming error.
    public static let `default` = try! SMSPayloadTemplate(defaultSource)

    public init(_ source: String) throws {
        self.source = source
        self.parts = Self.split(source)
        let used = Set(parts.compactMap { part -> Field? in
            if case .field(let field) = part { return field }
            return nil
        })
        for required in [Field.to, .text] where !used.contains(required) {
            throw Self.invalid("the template never uses {\(required.rawValue)}, so no message could reach anyone")
        }
        // Fill it with awkward values: a placeholder outside quotes, or broken
        // JSON around them, shows up here instead of as a 400 from the gateway.
        let sample = render(to: "+358401234567", text: "Kiitos \"palautteesta\" \\ ä\n", reference: "r-1", sender: "Kaiku")
        guard let object = try? JSONSerialization.jsonObject(with: Data(sample.utf8)), object is [String: Any] else {
            throw Self.invalid("not a JSON object once filled in; put each placeholder inside a string, e.g. {\"to\":\"{to}\"}")
        }
    }

    /// The body for one message. Deterministic: every retry posts the same bytes.
    public func render(to: String, text: String, reference: String, sender: String) -> String {
        var output = ""
        output.reserveCapacity(source.utf8.count + text.utf8.count + 64)
        for part in parts {
            switch part {
            case .literal(let literal):
                output += literal
            case .field(let field):
                let value: String
                switch field {
                case .to: value = to
                case .text: value = text
                case .reference: value = reference
                case .sender: value = sender
                }
                output += Self.jsonEscaped(value)
            }
        }
        return output
    }

    /// The inside of a JSON string literal (RFC 8259 §7): quotes, backslashes
    /// and control characters escaped, everything else — ä, ö, å, emoji —
    /// left as UTF-8, which every JSON parser must accept.
    public static func jsonEscaped(_ value: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case "\u{08}": escaped += "\\b"
            case "\u{0C}": escaped += "\\f"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    private static func split(_ source: String) -> [Part] {
        var parts: [Part] = []
        var literal = ""
        var rest = Substring(source)
        scanning: while let first = rest.first {
            if first == "{" {
                for field in Field.allCases where rest.hasPrefix("{\(field.rawValue)}") {
                    if !literal.isEmpty { parts.append(.literal(literal)) }
                    literal = ""
                    parts.append(.field(field))
                    rest = rest.dropFirst(field.rawValue.count + 2)
                    continue scanning
                }
            }
            literal.append(first)
            rest = rest.dropFirst()
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        return parts
    }

    private static func invalid(_ problem: String) -> SMSConfigurationError {
        SMSConfigurationError(setting: "payload template", problem: problem)
    }
}
