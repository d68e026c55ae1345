import Foundation

/// The checks every imported value passes, shared by the CSV imports and the
/// single-target editor so that a value is valid in one exactly when it is
/// in the other. Each check returns a message a person can act on, or nil.
public enum ImportValue {
    public static let maxCodeLength = 100
    public static let maxNameLength = 200
    public static let maxOIDLength = 64
    public static let maxKeywordsLength = 500

    /// NFC, so that "ä" typed as a plus two dots and as one letter compare
    /// equal; surrounding spaces (and Excel's non-breaking ones) dropped.
    public static func clean(_ value: String) -> String {
        value.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Codes appear in addresses (`/f/{code}`) and in other systems' exports:
    /// ASCII letters, digits, `-`, `_` and `.`, starting with a letter or digit.
    public static func codeProblem(_ code: String, column: String = "code") -> String? {
        if code.isEmpty { return "\(column) is empty." }
        if code.codePointCount > maxCodeLength { return "\(column) is longer than \(maxCodeLength) characters." }
        let allowed = code.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }
        let first = code.unicodeScalars.first.map { $0 != "-" && $0 != "_" && $0 != "." } ?? false
        if !allowed || !first {
            return "\(column) \"\(quoted(code))\" may hold only the letters A–Z, digits, -, _ and ., and must start with a letter or digit."
        }
        return nil
    }

    public static func nameProblem(_ name: String, column: String, required: Bool) -> String? {
        if name.isEmpty { return required ? "\(column) (the Finnish name) is empty; every unit and target needs one." : nil }
        if name.codePointCount > maxNameLength { return "\(column) is longer than \(maxNameLength) characters." }
        if name.containsStrayControlCharacters || name.contains("\n") || name.contains("\r") || name.contains("\t") {
            return "\(column) contains a line break or control character."
        }
        return nil
    }

    /// An OID of the national register: arcs of digits separated by dots (1.2.246.10.…).
    public static func oidProblem(_ oid: String) -> String? {
        if oid.isEmpty { return nil }
        if oid.codePointCount > maxOIDLength { return "oid is longer than \(maxOIDLength) characters." }
        let arcs = oid.split(separator: ".", omittingEmptySubsequences: false)
        if arcs.count < 2 || arcs.contains(where: { $0.isEmpty || !$0.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }) {
            return "oid \"\(quoted(oid))\" is not an OID such as 1.2.246.10.1234567.10.1."
        }
        return nil
    }

    public static func keywordsProblem(_ keywords: String) -> String? {
        if keywords.codePointCount > maxKeywordsLength { return "keywords is longer than \(maxKeywordsLength) characters." }
        if keywords.containsStrayControlCharacters { return "keywords contains a control character." }
        return nil
    }

    /// Keywords as stored: separated by single spaces, whatever the file had.
    public static func normalisedKeywords(_ keywords: String) -> String {
        keywords.split(whereSeparator: { $0.isWhitespace || $0 == "," }).joined(separator: " ")
    }

    /// `true`/`false`/`1`/`0` (also `yes`/`no`, `kyllä`/`ei`, `ja`/`nej`, any case); empty is `empty`.
    public static func boolean(_ value: String, empty: Bool) -> Bool? {
        switch value.lowercased() {
        case "": empty
        case "true", "1", "yes", "kyllä", "ja", "x": true
        case "false", "0", "no", "ei", "nej": false
        default: nil
        }
    }

    /// A value shown inside a message: at most 60 characters, control characters dropped.
    static func quoted(_ value: String) -> String {
        let plain = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0.properties.generalCategory != .control }))
        return plain.count > 60 ? String(plain.prefix(60)) + "…" : plain
    }
}
