import Foundation
import XCTest
@testable import KaikuCore

final class UUIDTextTests: XCTestCase {
    func testUpperTextIsTheSameAsFoundationsString() {
        var generator = SystemRandomNumberGenerator()
        let samples = [UUID(uuidString: "00000000-0000-0000-0000-000000000000")!, UUID(uuidString: "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF")!]
            + (0..<200).map { _ in
                UUID(uuid: withUnsafeBytes(of: (generator.next(), generator.next()) as (UInt64, UInt64)) { $0.load(as: uuid_t.self) })
            }

        for uuid in samples {
            XCTAssertEqual(uuid.upperText, uuid.uuidString)
        }
    }
}
