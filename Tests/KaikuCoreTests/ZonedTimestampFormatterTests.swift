import Foundation
import XCTest
@testable import KaikuCore

final class ZonedTimestampFormatterTests: XCTestCase {
    private func foundation(_ date: Date, _ zone: TimeZone) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = zone
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date).replacingOccurrences(of: "Z", with: "+00:00")
    }

    func testAgreesWithFoundationAcrossDaylightSavingChanges() {
        var generator = SeededGenerator(seed: 11)
        for name in ["Europe/Helsinki", "America/St_Johns", "UTC", "Asia/Kolkata"] {
            let zone = TimeZone(identifier: name)!
            var formatter = ZonedTimestampFormatter(timeZone: zone)
            // Out of order on purpose: export rows are sorted by day, not by instant.
            for _ in 0..<2_000 {
                let seconds = Double(Int.random(in: 1_600_000_000...1_800_000_000, using: &generator))
                let date = Date(timeIntervalSince1970: seconds)
                XCTAssertEqual(formatter.string(date), foundation(date, zone), "\(name) \(seconds)")
            }
        }
    }

    func testTheHourAroundTheSpringChangeInHelsinki() {
        let zone = TimeZone(identifier: "Europe/Helsinki")!
        var formatter = ZonedTimestampFormatter(timeZone: zone)
        // 2026-03-29 01:00 UTC is when Finnish clocks go from 03:00 to 04:00.
        let change = 1_774_746_000.0

        XCTAssertEqual(formatter.string(Date(timeIntervalSince1970: change - 1)), "2026-03-29T02:59:59+02:00")
        XCTAssertEqual(formatter.string(Date(timeIntervalSince1970: change)), "2026-03-29T04:00:00+03:00")
        XCTAssertEqual(formatter.string(Date(timeIntervalSince1970: change - 0.5)), "2026-03-29T02:59:59+02:00", "seconds are truncated")
    }
}
