import Foundation

/// The rules for an organisation's own theme: its code, stored in every
/// answer it labels and so never changed, and its name in fi, sv and en.
public enum OwnThemeRules {
    public static let codeLength = 2...40
    public static let maxNameLength = 100

    public enum Problem: Error, Equatable {
        /// Not 2–40 of a–z, 0–9 and hyphen, starting with a letter or digit.
        case malformedCode
        /// One of the seven defaults' codes.
        case defaultCode
        /// The organisation has a theme with this code already.
        case takenCode
        /// Empty, too long or with control characters, in the language named.
        case badName(Language)
    }

    /// Lower-case ASCII letters, digits and hyphens, not starting or ending with a hyphen.
    public static func isWellFormed(_ code: String) -> Bool {
        codeLength.contains(code.unicodeScalars.count)
            && code.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            && !code.hasPrefix("-") && !code.hasSuffix("-")
    }

    /// The code as given when it may be added beside `existing` (the organisation's codes, defaults included).
    public static func checkedCode(_ code: String, existing: [String]) throws(Problem) -> String {
        guard isWellFormed(code) else { throw .malformedCode }
        guard Theme(rawValue: code) == nil else { throw .defaultCode }
        guard !existing.contains(code) else { throw .takenCode }
        return code
    }

    /// The names trimmed, each 1–100 characters without control characters.
    public static func checkedName(_ name: LocalizedText) throws(Problem) -> LocalizedText {
        func checked(_ raw: String, _ language: Language) throws(Problem) -> String {
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty, text.codePointCount <= maxNameLength, !text.containsStrayControlCharacters else { throw .badName(language) }
            return text
        }
        // Each language read as given: `LocalizedText`'s subscript would stand the Finnish name in for an empty one.
        return LocalizedText(fi: try checked(name.fi, .fi), sv: try checked(name.sv, .sv), en: try checked(name.en, .en))
    }
}
