import KaikuCore
import XCTest

final class CSVReaderTests: XCTestCase {
    func testQuotedFieldsLineEndsAndTheByteOrderMark() throws {
        let text = "\u{FEFF}a,b,c\r\n1,\"x, \"\"y\"\"\",3\n\n\"multi\nline\",,last"

        let records = try CSVReader.records(text)

        XCTAssertEqual(records.map(\.fields), [["a", "b", "c"], ["1", "x, \"y\"", "3"], ["multi\nline", "", "last"]])
        XCTAssertEqual(records.map(\.line), [1, 2, 4])
    }

    func testSemicolonsAsFinnishExcelWritesThem() throws {
        let records = try CSVReader.records("visit_id;time\r\nV-1;2026-06-16T09:30:00+03:00\r\n")

        XCTAssertEqual(records.map(\.fields), [["visit_id", "time"], ["V-1", "2026-06-16T09:30:00+03:00"]])
    }

    func testAnUnendedQuoteNamesItsLine() {
        XCTAssertThrowsError(try CSVReader.records("a,b\n1,\"open\n2,3\n")) { error in
            XCTAssertEqual((error as? CSVReader.Malformed)?.line, 2)
        }
    }
}
