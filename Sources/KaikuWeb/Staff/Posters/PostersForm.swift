import Vapor

/// What the posters page is asked for in its query: the unit, the targets
/// picked from it (none picked: all of them), one card per page or four per
/// sheet, and cards in the organisation's first two languages at once.
/// `target` alone is the one card the target editor links to.
struct PostersForm: Content, Sendable, Equatable {
    var unit: String?
    var target: String?
    var pick: [String]?
    var layout: String?
    var bilingual: String?

    /// At most this many picks are read: more than any unit has targets.
    static let maxPicks = 500

    var picks: Set<String>? {
        guard let pick, !pick.isEmpty else { return nil }
        return Set(pick.prefix(Self.maxPicks).filter { PlainIdentifier.isPlain($0, maxLength: 100) })
    }

    var sheetLayout: PostersModel.Layout { layout.flatMap(PostersModel.Layout.init(rawValue:)) ?? .posters }
    var isBilingual: Bool { bilingual == "on" || bilingual == "true" || bilingual == "1" }
}
