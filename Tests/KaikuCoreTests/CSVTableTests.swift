import KaikuCore
import XCTest

final class CSVTableTests: XCTestCase {
    func testColumnsAreFoundByNameWhateverTheirCaseAndOrder() throws {
        let table = try CSVTable.read(" B ;A\r\n2;1\r\n", required: ["a", "b"])

        XCTAssertEqual(table.rows.map { [$0["a"], $0["b"]] }, [["1", "2"]])
        XCTAssertEqual(table.rows[0].line, 2)
    }

    func testAShortRowReadsItsMissingFieldsAsEmptyAndALongOneIsRefused() {
        XCTAssertEqual(try CSVTable.read("a,b\n1\n", required: ["a", "b"]).rows[0]["b"], "")
        XCTAssertThrowsError(try CSVTable.read("a,b\n1,2,3\n", required: ["a", "b"])) { error in
            XCTAssertEqual((error as? ImportFailure)?.errors.map(\.line), [2])
        }
    }

    func testLineNumbersCountTheLinesInsideQuotedFields() throws {
        let table = try CSVTable.read("a,b\n\"two\nlines\",x\n3,y\n", required: ["a", "b"])

        XCTAssertEqual(table.rows.map(\.line), [2, 4])
        XCTAssertEqual(table.rows[0]["a"], "two\nlines")
    }

    func testAnUnendedQuoteAndARepeatedColumnAreRefused() {
        XCTAssertThrowsError(try CSVTable.read("a,b\n\"open,2\n", required: ["a", "b"])) { error in
            XCTAssertEqual((error as? ImportFailure)?.errors.map(\.line), [2])
        }
        XCTAssertThrowsError(try CSVTable.read("a,a,b\n", required: ["a", "b"]))
    }

    func testBooleansAcceptTheUsualSpellings() {
        XCTAssertEqual(["true", "FALSE", "1", "0", ""].map { ImportValue.boolean($0, empty: true) }, [true, false, true, false, true])
        XCTAssertNil(ImportValue.boolean("2", empty: false))
    }
}
