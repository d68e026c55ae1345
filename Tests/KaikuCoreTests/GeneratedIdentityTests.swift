import Foundation
import KaikuCore
import XCTest

/// Bulk generation makes ids and receipts without looking anything up.
final class GeneratedIdentityTests: XCTestCase {
    func testSequentialReceiptsNeverRepeatAndAreValidCodes() {
        var seen = Set<String>()
        // From just below the end of the 40-bit range, so the sequence wraps.
        let start: UInt64 = (1 << 40) - 100_000
        for index in 0..<200_000 {
            let code = ReceiptCode.sequence(UInt64(index), start: start)
            XCTAssertTrue(seen.insert(code).inserted, "code \(index) repeats")
            if index % 997 == 0 { XCTAssertEqual(ReceiptCode.normalise(code), code) }
        }
        XCTAssertEqual(ReceiptCode.sequence(0, start: 0), "AAAA-AAAA")
        XCTAssertEqual(ReceiptCode.sequence(33, start: 0), "AAAA-AABB")
        XCTAssertEqual(ReceiptCode.sequence(1, start: (1 << 40) - 1), "AAAA-AAAA", "wraps round")
    }

    func testTimeOrderedIdsAreVersion7AndSortByTimeAsText() {
        var generator = SeededGenerator(seed: 3)
        let start = Date(timeIntervalSince1970: 1_780_000_000)
        let ids = (0..<500).map { UUID.timeOrdered(at: start.addingTimeInterval(Double($0) * 0.5), using: &generator) }

        for id in ids {
            XCTAssertEqual(id.uuid.6 >> 4, 7, "version 7")
            XCTAssertEqual(id.uuid.8 >> 6, 0b10, "RFC 9562 variant")
        }
        XCTAssertEqual(ids.map(\.uuidString), ids.map(\.uuidString).sorted())
        XCTAssertEqual(Set(ids).count, ids.count)
        XCTAssertTrue(ids[0].uuidString.hasPrefix("019E7044-8800"), "the first 48 bits are the time in milliseconds: \(ids[0])")
    }
}
