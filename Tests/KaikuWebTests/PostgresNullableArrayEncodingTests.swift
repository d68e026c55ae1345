import FluentPostgresDriver
import Foundation
import NIOCore
import XCTest
@testable import KaikuStore

/// `PostgresNullableArray` writes its elements itself (`PostgresPackedElement`);
/// without NULLs its bytes must be exactly what PostgresNIO's own arrays
/// send, and a NULL must be the binary format's -1 length.
final class PostgresNullableArrayEncodingTests: XCTestCase {
    private func bytes(of value: some PostgresNonThrowingEncodable) -> [UInt8] {
        var buffer = ByteBuffer()
        value.encode(into: &buffer, context: .default)
        return Array(buffer.readableBytesView)
    }

    private func assertSameAsPostgresNIO<T: PostgresPackedElement & PostgresNonThrowingEncodable>(
        _ values: [T], file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(bytes(of: PostgresNullableArray(values.map { Optional($0) })), bytes(of: values), "\(T.self)", file: file, line: line)
    }

    func testArraysWithoutNullsAreEncodedAsPostgresNIOEncodesThem() {
        assertSameAsPostgresNIO([0, 1, -1, Int.max, Int.min])
        assertSameAsPostgresNIO([0.25, -1.5, 0, .infinity, Double.greatestFiniteMagnitude])
        assertSameAsPostgresNIO([true, false])
        assertSameAsPostgresNIO([UUID(), UUID()])
        assertSameAsPostgresNIO([Date(timeIntervalSince1970: 1_796_000_000.5), Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 946_684_799.25)])
        assertSameAsPostgresNIO(["", "kiitos 'hyvästä' palvelusta", "åäö 🙂"])
        assertSameAsPostgresNIO([Int]())
    }

    func testANullIsMarkedInTheHeaderAndWrittenAsLengthMinusOne() {
        let encoded = bytes(of: PostgresNullableArray<Int>([7, nil]))
        let int32s = stride(from: 0, to: 20, by: 4).map { offset in
            encoded[offset..<offset + 4].reduce(Int32(0)) { $0 << 8 | Int32($1) }
        }
        // Dimensions, has-NULLs flag, element type (int8), count, lower bound.
        XCTAssertEqual(int32s, [1, 1, Int32(PostgresDataType.int8.rawValue), 2, 1])
        // 7 as length 8 and eight bytes, then the NULL's -1.
        XCTAssertEqual(Array(encoded[20...]), [0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 7, 0xFF, 0xFF, 0xFF, 0xFF])
    }

    func testADateBeyondWhatPostgreSQLCountsIsClampedInsteadOfTrapping() {
        let encoded = bytes(of: PostgresNullableArray<Date>([.distantFuture.addingTimeInterval(1e300)]))
        XCTAssertEqual(Array(encoded.suffix(8)), [0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])
    }
}
