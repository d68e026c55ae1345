/// What importing a units file would do, worked out before anything is
/// written: the import is applied only when `errors` is empty.
public struct UnitImportPlan: Sendable {
    public var counts = ImportCounts()
    public var changes: [ImportChange<UnitState>] = []
    public var errors: [ImportLineError] = []

    public static let columns = ["code", "parent", "name_fi", "name_sv", "name_en", "oid"]
    public static let optionalColumns = ["closed"]

    public var isEmpty: Bool { changes.isEmpty }

    /// Plans the import of `text` over the organisation's `current` units.
    /// The file holds the whole tree: exactly one row without a parent, the
    /// organisation's root unit, whose code is `rootCode` (the organisation's
    /// code for an organisation made by `kaiku organisation create`; the code
    /// of the root it already has otherwise, e.g. the demo county's). A parent may be a
    /// row of the file or a unit already in the tree. With `closeMissing`
    /// the units the file leaves out are closed (never deleted: their
    /// answers and cases stay); without it they stay as they are.
    public static func plan(_ text: String, current: [UnitState], rootCode: String, closeMissing: Bool) -> UnitImportPlan {
        var plan = UnitImportPlan()
        let table: CSVTable
        do {
            table = try CSVTable.read(text, required: columns, optional: optionalColumns)
        } catch {
            plan.errors = error.errors
            return plan
        }
        var rows: [(line: Int, state: UnitState)] = []
        var lineOfCode: [String: Int] = [:]
        for row in table.rows {
            var problems: [String] = []
            let code = row["code"], parent = row["parent"], oid = row["oid"]
            let fi = row["name_fi"], sv = row["name_sv"], en = row["name_en"]
            if let problem = ImportValue.codeProblem(code) { problems.append(problem) }
            if !parent.isEmpty, let problem = ImportValue.codeProblem(parent, column: "parent") { problems.append(problem) }
            problems += [ImportValue.nameProblem(fi, column: "name_fi", required: true),
                         ImportValue.nameProblem(sv, column: "name_sv", required: false),
                         ImportValue.nameProblem(en, column: "name_en", required: false),
                         ImportValue.oidProblem(oid)].compactMap { $0 }
            let closed = ImportValue.boolean(row["closed"], empty: false)
            if closed == nil { problems.append("closed must be true, false, 1 or 0 (or empty for false), not \"\(ImportValue.quoted(row["closed"]))\".") }
            if !code.isEmpty, let first = lineOfCode[code] {
                problems.append("The code \(ImportValue.quoted(code)) is already on line \(first); each unit is listed once.")
            }
            if !code.isEmpty, lineOfCode[code] == nil { lineOfCode[code] = row.line }
            plan.errors += problems.map { ImportLineError(line: row.line, message: $0) }
            guard problems.isEmpty, let closed else { continue }
            // An empty Swedish or English name shows the Finnish one, as everywhere in Kaiku.
            let name = LocalizedText(fi: fi, sv: sv.isEmpty ? fi : sv, en: en.isEmpty ? fi : en)
            rows.append((row.line, UnitState(code: code, parent: parent.isEmpty ? nil : parent, name: name, oid: oid.isEmpty ? nil : oid, closed: closed)))
        }
        if table.rows.isEmpty {
            plan.errors.append(ImportLineError(line: 1, message: "The file has no units; it must list at least the organisation's root unit \(rootCode)."))
        }
        guard plan.errors.isEmpty else { return plan }
        plan.checkTree(rows: rows, current: current, rootCode: rootCode)
        guard plan.errors.isEmpty else {
            plan.errors = plan.errors.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
            return plan
        }
        plan.diff(rows: rows, current: current, closeMissing: closeMissing)
        return plan
    }

    private mutating func checkTree(rows: [(line: Int, state: UnitState)], current: [UnitState], rootCode: String) {
        let roots = rows.filter { $0.state.parent == nil }
        if roots.isEmpty {
            errors.append(ImportLineError(line: 1, message: "No row has an empty parent: the organisation's root unit \(rootCode) must be listed with an empty parent."))
        }
        for (index, root) in roots.enumerated() {
            if index > 0 {
                errors.append(ImportLineError(line: root.line, message: "A second row with an empty parent (the first is on line \(roots[0].line)); only the root unit \(rootCode) has none."))
            } else if root.state.code != rootCode {
                errors.append(ImportLineError(line: root.line, message: "The root unit (the row with an empty parent) must have the code of the organisation's root unit, \(rootCode), not \(ImportValue.quoted(root.state.code))."))
            } else if root.state.closed {
                errors.append(ImportLineError(line: root.line, message: "The root unit cannot be closed."))
            }
        }
        // The tree as it will be: today's units with the file's rows over them.
        var parents = Dictionary(current.map { ($0.code, $0.parent) }, uniquingKeysWith: { first, _ in first })
        for row in rows { parents[row.state.code] = row.state.parent }
        for row in rows {
            if let parent = row.state.parent, parents[parent] == nil {
                errors.append(ImportLineError(line: row.line, message: "The parent \(ImportValue.quoted(parent)) is neither in the file nor in the tree."))
            } else if row.state.code == rootCode, row.state.parent != nil {
                errors.append(ImportLineError(line: row.line, message: "\(rootCode) is the organisation's root unit; its parent must be empty."))
            }
        }
        guard errors.isEmpty else { return }
        for row in rows {
            var seen: Set<String> = [row.state.code]
            var next = row.state.parent
            while let code = next {
                guard seen.insert(code).inserted else {
                    errors.append(ImportLineError(line: row.line, message: "\(ImportValue.quoted(row.state.code)) would be its own ancestor (a cycle through \(seen.sorted().joined(separator: ", ")))."))
                    break
                }
                next = parents[code] ?? nil
            }
        }
    }

    private mutating func diff(rows: [(line: Int, state: UnitState)], current: [UnitState], closeMissing: Bool) {
        let before = Dictionary(current.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        for row in rows {
            let kinds = row.state.changes(from: before[row.state.code])
            counts.count(kinds)
            if !kinds.isEmpty {
                changes.append(ImportChange(line: row.line, before: before[row.state.code], after: row.state))
            }
        }
        guard closeMissing else { return }
        let listed = Set(rows.map(\.state.code))
        for unit in current where !listed.contains(unit.code) && !unit.closed {
            var after = unit
            after.closed = true
            counts.count([.closed])
            changes.append(ImportChange(line: nil, before: unit, after: after))
        }
    }
}
