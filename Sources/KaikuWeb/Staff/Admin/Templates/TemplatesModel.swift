import Foundation
import KaikuCore

/// The list of reply templates, grouped by language in the catalogue order.
struct TemplatesModel: Sendable, Equatable {
    struct Row: Sendable, Equatable {
        var id: UUID
        var name: String
        var language: String
        var subject: String
    }

    var rows: [Row]
    /// The name of a template just removed, for the notice.
    var removed: Bool = false

    /// Rows by language (fi, sv, en, then anything else), by name within each.
    static func ordered(_ rows: [Row]) -> [Row] {
        let order = Dictionary(uniqueKeysWithValues: Language.allCases.enumerated().map { ($1.rawValue, $0) })
        return rows.sorted { (order[$0.language] ?? 9, $0.name.lowercased()) < (order[$1.language] ?? 9, $1.name.lowercased()) }
    }
}
