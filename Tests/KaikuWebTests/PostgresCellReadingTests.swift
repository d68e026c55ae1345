import FluentPostgresDriver
import Foundation
import NIOCore
import XCTest
@testable import KaikuStore

/// The export reads PostgreSQL's cells from their bytes. Each reader must
/// give what PostgresNIO's own decoding gives, in binary format (what the
/// server sends) and in text format (the fallback), and read NULL as nil.
final class PostgresCellReadingTests: XCTestCase {
    private func binaryCell<T: PostgresEncodable>(_ value: T) throws -> PostgresCell {
        var buffer = ByteBuffer()
        try value.encode(into: &buffer, context: .default)
        return PostgresCell(bytes: buffer, dataType: T.psqlType, format: .binary, columnName: "c", columnIndex: 0)
    }

    private func textCell(_ text: String, _ type: PostgresDataType) -> PostgresCell {
        PostgresCell(bytes: ByteBuffer(string: text), dataType: type, format: .text, columnName: "c", columnIndex: 0)
    }

    func testBinaryCellsReadAsPostgresNIODecodesThem() throws {
        let id = UUID(uuidString: "0190F3A2-7B1C-7D4E-8F00-123456789ABC")!
        let time = Date(timeIntervalSince1970: 1_790_000_123.456789)

        XCTAssertEqual(try binaryCell(id).readUUID(), id)
        XCTAssertEqual(try binaryCell(time).readSecondsSince1970(), time.timeIntervalSince1970, accuracy: 1e-6)
        XCTAssertEqual(try binaryCell(Int64(20_412)).readInt(), 20_412)
        XCTAssertEqual(try binaryCell(Int32(-7)).readOptionalInt(), -7)
        XCTAssertEqual(try binaryCell(Int16(10)).readInt(), 10)
        XCTAssertEqual(try binaryCell("Hyvä palvelu, kiitos").readString(), "Hyvä palvelu, kiitos")
    }

    func testTextFormatCellsFallBackToPostgresNIOsDecoding() throws {
        XCTAssertEqual(try textCell("0190f3a2-7b1c-7d4e-8f00-123456789abc", .uuid).readUUID(),
                       UUID(uuidString: "0190F3A2-7B1C-7D4E-8F00-123456789ABC"))
        XCTAssertEqual(try textCell("42", .int8).readOptionalInt(), 42)
        XCTAssertEqual(try textCell("svenska", .varchar).readString(), "svenska")
    }

    func testNullCellsReadAsNilAndRequiredReadsThrow() throws {
        let null = PostgresCell(bytes: nil, dataType: .text, format: .binary, columnName: "c", columnIndex: 0)
        let nullInt = PostgresCell(bytes: nil, dataType: .int8, format: .binary, columnName: "c", columnIndex: 0)

        XCTAssertNil(try null.readOptionalString())
        XCTAssertNil(try nullInt.readOptionalInt())
        XCTAssertThrowsError(try null.readString())
        XCTAssertThrowsError(try nullInt.readInt())
    }

    func testACellOfAnotherTypeIsDecodedByPostgresNIO() throws {
        let numeric = PostgresCell(bytes: ByteBuffer(string: "12"), dataType: .numeric, format: .text, columnName: "c", columnIndex: 0)

        XCTAssertThrowsError(try numeric.readUUID())
        XCTAssertEqual(try numeric.readOptionalString(), "12")
    }
}
