/// What importing a targets file would do. Targets the file leaves out stay
/// as they are; a target is taken out of use with `active` false, never
/// deleted (its answers keep pointing at it).
public struct TargetImportPlan: Sendable {
    public var counts = ImportCounts()
    public var changes: [ImportChange<TargetState>] = []
    public var errors: [ImportLineError] = []

    public static let columns = ["code", "unit", "name_fi", "name_sv", "name_en", "keywords", "active"]

    public var isEmpty: Bool { changes.isEmpty }

    /// A target may map to a closed unit: it is then offered nowhere until
    /// the unit reopens, which brings it back without another import.
    public static func plan(_ text: String, current: [TargetState], units: Set<String>, takenElsewhere: Set<String>) -> TargetImportPlan {
        var plan = TargetImportPlan()
        let table: CSVTable
        do {
            table = try CSVTable.read(text, required: columns)
        } catch {
            plan.errors = error.errors
            return plan
        }
        let before = Dictionary(current.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var lineOfCode: [String: Int] = [:]
        var rows: [(line: Int, state: TargetState)] = []
        for row in table.rows {
            let code = row["code"]
            let name = LocalizedText(fi: row["name_fi"], sv: row["name_sv"], en: row["name_en"])
            var problems = TargetState.problems(code: code, unit: row["unit"], name: name, keywords: row["keywords"],
                                                units: units, takenElsewhere: takenElsewhere)
            let active = ImportValue.boolean(row["active"], empty: true)
            if active == nil { problems.append("active must be true, false, 1 or 0 (or empty for true), not \"\(ImportValue.quoted(row["active"]))\".") }
            if !code.isEmpty, let first = lineOfCode[code] {
                problems.append("The code \(ImportValue.quoted(code)) is already on line \(first); each target is listed once.")
            } else if !code.isEmpty {
                lineOfCode[code] = row.line
            }
            plan.errors += problems.map { ImportLineError(line: row.line, message: $0) }
            guard problems.isEmpty, let active else { continue }
            rows.append((row.line, TargetState.normalised(code: code, unit: row["unit"], name: name, keywords: row["keywords"], active: active)))
        }
        if table.rows.isEmpty { plan.errors.append(ImportLineError(line: 1, message: "The file has no targets.")) }
        guard plan.errors.isEmpty else { return plan }
        for row in rows {
            let kinds = row.state.changes(from: before[row.state.code])
            plan.counts.count(kinds)
            if !kinds.isEmpty {
                plan.changes.append(ImportChange(line: row.line, before: before[row.state.code], after: row.state))
            }
        }
        return plan
    }
}
