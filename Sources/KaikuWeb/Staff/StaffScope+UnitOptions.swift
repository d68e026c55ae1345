import Foundation
import KaikuCore

/// A unit offered in a staff page's unit filter, indented by its depth below the root.
struct UnitOption: Sendable, Equatable {
    var code: String
    var name: String
    var depth: Int
}

extension StaffScope {
    /// The units under `root` the user may choose, parents before children.
    func unitOptions(under root: UUID, language: Language) -> [UnitOption] {
        let base = tree.depth(of: root)
        return tree.subtree(of: root).compactMap { id in
            units[id].map { UnitOption(code: $0.code, name: $0.name[language], depth: tree.depth(of: id) - base) }
        }
    }
}
