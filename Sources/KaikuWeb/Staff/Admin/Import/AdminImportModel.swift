import Foundation
import KaikuCore

/// What the import pages show: the tree or targets as they are, and the
/// preview of an uploaded file (its counts and each change, or the lines
/// refused), which carries the file on to the Apply button.
struct AdminImportModel: Sendable {
    enum Kind: String, Sendable {
        case units, targets

        var address: SiteURL { self == .units ? .staff(.adminUnits) : .staff(.adminTargetsImport) }
    }

    struct UnitRow: Sendable, Equatable {
        var code: String
        var name: String
        var oid: String?
        var closed: Bool
        /// Under a closed unit: closed for customers although not closed itself.
        var closedAbove: Bool
        var depth: Int
    }

    struct TargetRow: Sendable, Equatable {
        var code: String
        var name: String
        var unit: String
        var keywords: String
        var active: Bool
        var unitClosed: Bool
    }

    /// One line of the preview: one kind of change to one unit or target.
    struct ChangeRow: Sendable, Equatable {
        var kind: ImportChangeKind
        var code: String
        var line: Int?
        var from: String?
        var to: String
    }

    struct Preview: Sendable {
        var counts: ImportCounts
        var changes: [ChangeRow]
        var errors: [ImportLineError]
        /// The file as uploaded (base64), sent again with Apply and planned again then.
        var payload: String
        var closeMissing: Bool
        var fingerprint: String
        /// The tree changed between the preview and Apply: this is the new preview.
        var changedSincePreview = false
    }

    var kind: Kind
    var units: [UnitRow] = []
    var targets: [TargetRow] = []
    var preview: Preview?
    var applied: ImportCounts?
    /// A problem with the upload itself (no file, not UTF-8, too large).
    var fileError: AdminImportForm.UploadProblem?

    /// The preview's lines for a units plan: a renamed unit shows its names
    /// (and OID) before and after, a moved one its old and new parent.
    static func changeRows(_ changes: [ImportChange<UnitState>], language: Language) -> [ChangeRow] {
        changes.flatMap { change in
            change.kinds.map { kind in
                let after = change.after
                return switch kind {
                case .renamed: ChangeRow(kind: kind, code: after.code, line: change.line,
                                         from: change.before.map { describe($0.name, $0.oid, language) }, to: describe(after.name, after.oid, language))
                case .moved: ChangeRow(kind: kind, code: after.code, line: change.line, from: change.before?.parent ?? "–", to: after.parent ?? "–")
                default: ChangeRow(kind: kind, code: after.code, line: change.line, from: nil, to: after.name[language])
                }
            }
        }
    }

    /// The same for a targets plan: renamed shows names and keywords, moved the units.
    static func changeRows(_ changes: [ImportChange<TargetState>], language: Language) -> [ChangeRow] {
        changes.flatMap { change in
            change.kinds.map { kind in
                let after = change.after
                return switch kind {
                case .renamed: ChangeRow(kind: kind, code: after.code, line: change.line,
                                         from: change.before.map { describe($0.name, $0.keywords, language) }, to: describe(after.name, after.keywords, language))
                case .moved: ChangeRow(kind: kind, code: after.code, line: change.line, from: change.before?.unit, to: after.unit)
                default: ChangeRow(kind: kind, code: after.code, line: change.line, from: nil, to: after.name[language])
                }
            }
        }
    }

    /// All three names (each language's differs in what a rename changes) and the extra value in brackets.
    private static func describe(_ name: LocalizedText, _ extra: String?, _ language: Language) -> String {
        let names = [name.fi, name.sv, name.en].reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.joined(separator: " / ")
        guard let extra, !extra.isEmpty else { return names }
        return "\(names) (\(extra))"
    }

    /// The units in tree order with their depth, closed ones marked.
    static func unitRows(_ units: [UnitState], language: Language) -> [UnitRow] {
        let byCode = Dictionary(units.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        // Children in code order, whatever order the units came in.
        let tree = OrgTree(units.sorted { $0.code < $1.code }.map { (id: $0.code, parent: $0.parent) })
        let closed = tree.effectivelyClosed(Set(units.filter(\.closed).map(\.code)))
        let roots = tree.roots.sorted()
        return roots.flatMap { tree.subtree(of: $0) }.compactMap { code in
            byCode[code].map { unit in
                UnitRow(code: code, name: unit.name[language], oid: unit.oid, closed: unit.closed,
                        closedAbove: !unit.closed && closed.contains(code), depth: tree.depth(of: code))
            }
        }
    }

    /// `?applied=` after Apply: the counts, so the page after the redirect can say what was done.
    static func appliedQuery(_ counts: ImportCounts) -> String {
        [counts.added, counts.renamed, counts.moved, counts.closed, counts.reopened, counts.unchanged].map(String.init).joined(separator: "-")
    }

    static func applied(from query: String?) -> ImportCounts? {
        guard let parts = query?.split(separator: "-").compactMap({ Int($0) }), parts.count == 6, parts.allSatisfy({ $0 >= 0 }) else { return nil }
        var counts = ImportCounts()
        (counts.added, counts.renamed, counts.moved, counts.closed, counts.reopened, counts.unchanged) = (parts[0], parts[1], parts[2], parts[3], parts[4], parts[5])
        return counts
    }
}
