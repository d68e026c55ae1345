import Foundation
import KaikuCore
import XCTVapor
@testable import KaikuWeb

/// The annual report printed by the real headless Chromium, read back with
/// poppler's pdftotext: it holds the year's NPS and n for the organisation as
/// the summary API gives them, its own page footer, A4 pages, and the title.
final class AnnualReportPDFTests: XCTestCase {
    private func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func testThePDFHoldsTheYearsNPSAndNAsTheAPIGivesThem() async throws {
        let chromium = ChromiumPDFRenderer.fromEnvironment(ProcessInfo.processInfo.environment)
        if let reason = chromium.unavailableReason {
            throw XCTSkip("Chromium is not installed, so no PDF can be made here (CI installs it): \(reason)")
        }
        for tool in ["/usr/bin/pdftotext", "/usr/bin/pdfinfo"] {
            XCTAssertTrue(FileManager.default.isExecutableFile(atPath: tool), "\(tool) is missing: scripts/setup-test-deps.sh installs poppler-utils")
        }
        try await withApp(clock: AnnualReportWorld.clock()) { app in
            let world = try await AnnualReportWorld.seed(app)
            let token = try await world.signIn(app, role: .analyst, unit: "ROOT")
            let api = try await AnnualReportWorld.summary(app, token: token, unit: "ROOT", year: 2026)
            let nps = try XCTUnwrap(api["nps"] as? Int), n = try XCTUnwrap(api["n"] as? Int)

            let response = try await app.send(.GET, "/api/v1/reports/annual?year=2026&unit=ROOT&format=pdf&lang=en", token: token)
            XCTAssertEqual(response.status, .ok, response.text)
            XCTAssertEqual(response.headers.contentType?.description, "application/pdf")
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("annual-\(UUID().uuidString).pdf")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data(response.body.readableBytesView).write(to: file)

            let text = try run("/usr/bin/pdftotext", [file.path, "-"]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            XCTAssertTrue(text.contains("The NPS was \(nps)"), "the NPS \(nps) is missing from: \(text.prefix(1500))")
            XCTAssertTrue(text.contains("In 2026 there were \(n) answers in all"), "n \(n) is missing")
            XCTAssertTrue(text.contains("Page 2 /"), "the report's own footer with page numbers")
            XCTAssertFalse(text.contains("file://"), "not the browser's header with its address")
            let info = try run("/usr/bin/pdfinfo", [file.path])
            XCTAssertTrue(info.contains("Customer report 2026: Unit ROOT"), info)
            XCTAssertTrue(info.contains("(A4)") && info.contains("Tagged:          yes"), "A4 and tagged: \(info)")
        }
    }
}
