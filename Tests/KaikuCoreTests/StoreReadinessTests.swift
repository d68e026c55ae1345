import XCTest
@testable import KaikuCore

final class StoreReadinessTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_800_000_000)

    func testTooLittleFreeSpaceIsADiskFull() {
        XCTAssertEqual(StoreReadiness.problem(freeBytes: 1_000, minimumFreeBytes: 1_001, lastWriteFailure: nil, now: now), .diskFull)
        XCTAssertNil(StoreReadiness.problem(freeBytes: 1_001, minimumFreeBytes: 1_001, lastWriteFailure: nil, now: now))
        XCTAssertNil(StoreReadiness.problem(freeBytes: nil, minimumFreeBytes: 1_001, lastWriteFailure: nil, now: now), "unknown space is not a problem")
    }

    func testARefusedWriteCountsOnlyForTheRecoveryPeriod() {
        let justNow = now.addingTimeInterval(-1)
        let longAgo = now.addingTimeInterval(-StoreReadiness.recovery - 1)

        XCTAssertEqual(StoreReadiness.problem(freeBytes: nil, minimumFreeBytes: 0, lastWriteFailure: justNow, now: now), .writesFailing)
        XCTAssertNil(StoreReadiness.problem(freeBytes: nil, minimumFreeBytes: 0, lastWriteFailure: longAgo, now: now))
    }
}
