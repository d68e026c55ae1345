import Foundation
import KaikuCore
import XCTest
@testable import KaikuWeb

/// `kaiku reports annual` as an operator runs it: help without running,
/// a clear line for what is missing, and the report written where asked
/// with only its path on standard output.
final class ReportsAnnualCommandTests: XCTestCase {
    private var directory: URL!
    private var data: String { directory.appendingPathComponent("data").path }

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kaiku-reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func kaiku(_ arguments: String...) throws -> KaikuBinary.Outcome {
        try KaikuBinary.run(arguments, in: directory, environment: KaikuBinary.environment())
    }

    func testHelpNamesTheOptionsAndAMissingYearIsAUsageLine() throws {
        let help = try kaiku("reports", "annual", "--help")
        XCTAssertEqual(help.status, 0, help.errors)
        for option in ["year", "unit", "org", "lang", "output", "data-dir"] { XCTAssertTrue(help.output.contains(option), "\(option):\n\(help.output)") }
        let missing = try kaiku("reports", "annual", "--output", "x.pdf", "--data-dir", data)
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.errors.contains("--year"), missing.errors)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), [], "nothing made")
    }

    func testTheReportIsWrittenAsHTMLWithItsPathAloneOnStandardOutput() throws {
        let created = try kaiku("organisation", "create", "--code", "esim", "--name-fi", "Esimerkin hyvinvointialue", "--data-dir", data)
        XCTAssertEqual(created.status, 0, created.errors)
        let year = CalendarDay(date: Date(), timeZone: TimeZone(identifier: "Europe/Helsinki")!).year
        let output = directory.appendingPathComponent("report.html").path
        let made = try kaiku("reports", "annual", "--year", String(year), "--lang", "sv", "--output", output, "--data-dir", data)
        XCTAssertEqual(made.status, 0, made.errors)
        XCTAssertEqual(made.output, output + "\n")
        let html = try String(contentsOfFile: output, encoding: .utf8)
        XCTAssertTrue(html.contains("<html lang=\"sv\">"))
        XCTAssertTrue(html.contains("<title>Kundberättelse \(year): Esimerkin hyvinvointialue</title>"), String(html.prefix(400)))
        let unknown = try kaiku("reports", "annual", "--year", String(year), "--unit", "NOPE", "--output", output, "--data-dir", data)
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.errors.contains("There is no unit NOPE"), unknown.errors)
    }
}
