import Foundation
@testable import KaikuWeb
import XCTest

/// Promoters, passives and detractors look the same on every page, in colours that pass WCAG AA on white.
final class ShareColoursTests: XCTestCase {
    func testEveryStylesheetCarriesTheOneSetOfShareColours() throws {
        let main = String(decoding: try ResourceFile.data("Public/styles.css"), as: UTF8.self)
        XCTAssertTrue(main.contains(ShareColours.css), "styles.css must carry ShareColours.css word for word")
        XCTAssertTrue(WidgetPage.style.contains(ShareColours.css), "the widget")
        XCTAssertTrue(AnnualReportStyle.css(footer: "", pageLabel: "").contains(ShareColours.css), "the annual report")
        for stray in ["share-promoters", "share-passives", "share-detractors"] {
            XCTAssertFalse(main.contains(stray), "a second set of share colours: \(stray)")
        }
    }

    func testEachShareColourHasAtLeast4point5To1AgainstWhite() {
        for colour in [ShareColours.promoter, ShareColours.passive, ShareColours.detractor] {
            XCTAssertGreaterThanOrEqual(Self.contrastWithWhite(colour) ?? 0, 4.5, colour)
        }
        XCTAssertLessThan(Self.contrastWithWhite("#c8c8c8") ?? 99, 3, "the check itself tells a pale grey apart")
    }

    /// WCAG 2.1 contrast ratio of `#rrggbb` against white.
    private static func contrastWithWhite(_ hex: String) -> Double? {
        guard hex.count == 7, let value = Int(hex.dropFirst(), radix: 16) else { return nil }
        let channels = [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff].map { channel -> Double in
            let c = Double(channel) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
        return 1.05 / (luminance + 0.05)
    }
}
