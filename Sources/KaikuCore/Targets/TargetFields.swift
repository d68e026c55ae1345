/// A feedback target as an administrator describes it on the editor page or
/// in the JSON API, field by field. The checks are the CSV import's
/// (`ImportValue`), so a target is valid in one exactly when it is in the other.
public struct TargetFields: Sendable, Hashable, Codable {
    public var code: String
    /// The code of the org unit the target maps to.
    public var unit: String
    public var name: LocalizedText
    public var keywords: String
    public var active: Bool

    public static let maxCodeLength = ImportValue.maxCodeLength
    public static let maxNameLength = ImportValue.maxNameLength
    public static let maxKeywordsLength = ImportValue.maxKeywordsLength

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

    /// The fields as they are stored: NFC without surrounding spaces, keywords
    /// as single words separated by one space.
    public var normalised: TargetFields {
        var copy = self
        copy.code = ImportValue.clean(code)
        copy.unit = ImportValue.clean(unit)
        // An empty Swedish or English name is stored as the Finnish one, as the import stores it,
        // so that a target edited here and then imported unchanged counts as unchanged.
        let fi = ImportValue.clean(name.fi), sv = ImportValue.clean(name.sv), en = ImportValue.clean(name.en)
        copy.name = LocalizedText(fi: fi, sv: sv.isEmpty ? fi : sv, en: en.isEmpty ? fi : en)
        copy.keywords = ImportValue.normalisedKeywords(keywords)
        return copy
    }

    /// Everything wrong with the (normalised) fields, in the order a form shows them.
    public var problems: [Problem] {
        var found: [Problem] = []
        if let problem = ImportValue.codeProblem(code) { found.append(Problem(field: "code", message: problem)) }
        if unit.isEmpty { found.append(Problem(field: "unit", message: "unit must be the code of a unit.")) }
        for (field, text) in [("name.fi", name.fi), ("name.sv", name.sv), ("name.en", name.en)] {
            if let problem = ImportValue.nameProblem(text, column: field, required: field == "name.fi") {
                found.append(Problem(field: field, message: problem))
            }
        }
        if let problem = ImportValue.keywordsProblem(keywords) { found.append(Problem(field: "keywords", message: problem)) }
        return found
    }
}
