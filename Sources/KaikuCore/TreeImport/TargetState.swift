/// A feedback target as the import (and the single-target editor) compares
/// it: by code, with the code of the unit it maps to.
public struct TargetState: ImportedState {
    public var code: String
    public var unit: String
    public var name: LocalizedText
    public var keywords: String
    public var active: Bool

    public init(code: String, unit: String, name: LocalizedText, keywords: String, active: Bool) {
        self.code = code
        self.unit = unit
        self.name = name
        self.keywords = keywords
        self.active = active
    }

    /// A change of names or keywords counts as `renamed` (both are what
    /// customers find it by); a change of unit as `moved`.
    public func changes(from before: TargetState?) -> Set<ImportChangeKind> {
        guard let before else { return [.added] }
        var kinds: Set<ImportChangeKind> = []
        if name != before.name || keywords != before.keywords { kinds.insert(.renamed) }
        if unit != before.unit { kinds.insert(.moved) }
        if active != before.active { kinds.insert(active ? .reopened : .closed) }
        return kinds
    }

    /// Checks a target's values as given (by the file or the editor): the
    /// problems, each a sentence naming the column. `units` are the codes of
    /// the organisation's units; `takenElsewhere` the target codes other
    /// organisations use (target codes are unique across the installation,
    /// as they are the form's address).
    public static func problems(code: String, unit: String, name: LocalizedText, keywords: String,
                                units: Set<String>, takenElsewhere: Set<String>) -> [String] {
        var problems = [ImportValue.codeProblem(code), ImportValue.codeProblem(unit, column: "unit"),
                        ImportValue.nameProblem(name.fi, column: "name_fi", required: true),
                        ImportValue.nameProblem(name.sv, column: "name_sv", required: false),
                        ImportValue.nameProblem(name.en, column: "name_en", required: false),
                        ImportValue.keywordsProblem(keywords)].compactMap { $0 }
        if problems.isEmpty, !units.contains(unit) {
            problems.append("The unit \(ImportValue.quoted(unit)) is not in the organisation's tree; import the units first.")
        }
        if !code.isEmpty, takenElsewhere.contains(code) {
            problems.append("The code \(ImportValue.quoted(code)) is already used by another organisation's target; target codes are unique in the installation.")
        }
        return problems
    }

    /// A target from values that passed `problems`: keywords single-spaced,
    /// empty Swedish and English names taking the Finnish one.
    public static func normalised(code: String, unit: String, name: LocalizedText, keywords: String, active: Bool) -> TargetState {
        TargetState(code: code, unit: unit,
                    name: LocalizedText(fi: name.fi, sv: name.sv.isEmpty ? name.fi : name.sv, en: name.en.isEmpty ? name.fi : name.en),
                    keywords: ImportValue.normalisedKeywords(keywords), active: active)
    }
}
