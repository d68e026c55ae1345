import Foundation
import KaikuCore

/// Table parts the public figures tables share, so that a hidden figure
/// reads the same in the period tables and in the trend.
struct PublicFiguresCells {
    var context: PageContext
    var minimumN: Int

    /// A header row of column headings.
    static func head(_ titles: [String]) -> HTMLNode {
        .thead {
            HTMLNode.tr {
                for title in titles { HTMLNode.th(.scope("col")) { title } }
            }
        }
    }

    /// The two cells of a hidden line: why, and "fewer than N" for a count below the minimum.
    func hidden(_ reason: PublicSuppression.Reason?) -> HTMLNode {
        let t = context.t
        if reason == .complementary {
            return .td(.class("suppressed"), .colspan(2)) { t("figures.suppressed.complementary") }
        }
        return .group([
            .td(.class("suppressed")) { t("figures.suppressed") },
            .td(.class("suppressed")) { t("figures.fewerThan", ["n": FigureFormat.count(minimumN, context.language)]) },
        ])
    }
}
