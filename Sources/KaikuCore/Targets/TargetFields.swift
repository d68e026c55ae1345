/// A feedback target as an administrator describes it: what the editor page,
/// the JSON API and the CSV import all check before anything is stored.
public struct TargetFields: Sendable, Hashable, Codable {
    public var code: String
    /// The code of the org unit the target maps to.
    public var unit: String
    public var name: LocalizedText
    public var keywords: String
    public var active: Bool

    public static let maxCodeLength = 60
    public static let maxNameLength = 200
    public static let maxKeywordsLength = 1_000

    public init(code: String, unit: String, name: LocalizedText, keywords: String = "", active: Bool = true) {
        self.code = code
        self.unit = unit
        self.name = name
        self.keywords = keywords
        self.active = active
    }

    /// One thing wrong with the fields, named by the field a form or a JSON
    /// body would carry it in (`code`, `unit`, `name.fi`, `keywords`).
    public struct Problem: Sendable, Hashable {
        public var field: String
        public var message: String
    }

    /// The same fields with surrounding spaces gone and keywords as single
    /// words separated by one space, as they are stored.
    public var normalised: TargetFields {
        var copy = self
        copy.code = code.trimmingCharacters(in: .whitespaces)
        copy.unit = unit.trimmingCharacters(in: .whitespaces)
        copy.name = LocalizedText(fi: name.fi.trimmingCharacters(in: .whitespacesAndNewlines),
                                  sv: name.sv.trimmingCharacters(in: .whitespacesAndNewlines),
                                  en: name.en.trimmingCharacters(in: .whitespacesAndNewlines))
        copy.keywords = keywords.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return copy
    }

    /// Everything wrong with the (normalised) fields, in the order a form shows them.
    public var problems: [Problem] {
        var found: [Problem] = []
        if let problem = Self.codeProblem(code) { found.append(Problem(field: "code", message: problem)) }
        if unit.isEmpty { found.append(Problem(field: "unit", message: "unit must be the code of a unit.")) }
        if name.fi.isEmpty { found.append(Problem(field: "name.fi", message: "name.fi, the Finnish name, is required.")) }
        for (language, text) in [("fi", name.fi), ("sv", name.sv), ("en", name.en)] {
            if text.codePointCount > Self.maxNameLength || text.containsStrayControlCharacters || text.contains("\n") {
                found.append(Problem(field: "name.\(language)", message: "name.\(language) must be one line of at most \(Self.maxNameLength) characters."))
            }
        }
        if keywords.codePointCount > Self.maxKeywordsLength || keywords.containsStrayControlCharacters {
            found.append(Problem(field: "keywords", message: "keywords must be words separated by spaces, at most \(Self.maxKeywordsLength) characters in all."))
        }
        return found
    }

    /// Target codes appear in short links (`/t/{code}`) and are unique across
    /// the installation, so they stay plain ASCII a person can type.
    public static func codeProblem(_ code: String) -> String? {
        let allowed = code.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }
        guard !code.isEmpty, code.codePointCount <= maxCodeLength, allowed else {
            return "code must be 1–\(maxCodeLength) letters a–z, digits, hyphens, underscores or dots."
        }
        return nil
    }
}
