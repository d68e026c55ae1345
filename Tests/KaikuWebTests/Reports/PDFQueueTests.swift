import Foundation
import KaikuCore
import XCTVapor
@testable import KaikuWeb

/// One PDF at a time per instance: the others wait their turn, and when too
/// many already wait the next is refused with 503 and `Retry-After` — so that
/// a flood of requests never starts a flood of browsers.
final class PDFQueueTests: XCTestCase {
    /// Waits, without sleeping, until the queue holds `busy`/`waiting` as expected.
    private func until(_ queue: PDFQueue, busy: Bool, waiting: Int) async {
        let give = Date().addingTimeInterval(30)
        while Date() < give {
            let load = await queue.load
            if load.busy == busy && load.waiting == waiting { return }
            await Task.yield()
        }
        XCTFail("the queue never reached busy \(busy), \(waiting) waiting")
    }

    func testOnePDFIsPrintedAtATimeAndTheOthersWaitTheirTurn() async throws {
        let renderer = FakePDFRenderer()
        let queue = PDFQueue(renderer: renderer, maxWaiting: 3)
        let tasks = (0..<3).map { index in Task { try await queue.pdf(html: "<p>\(index)</p>") } }
        await until(queue, busy: true, waiting: 2)
        XCTAssertEqual(renderer.mostAtOnce, 1)
        for _ in 0..<3 { renderer.releaseOne() }
        for task in tasks { _ = try await task.value }
        XCTAssertEqual(renderer.printed, 3)
        XCTAssertEqual(renderer.mostAtOnce, 1, "never two browsers at once")
        let load = await queue.load
        XCTAssertFalse(load.busy)
    }

    func testTheSameDocumentAgainIsNotPrintedAgain() async throws {
        let renderer = FakePDFRenderer(holds: false)
        let queue = PDFQueue(renderer: renderer)
        let first = try await queue.pdf(html: "<p>same</p>")
        let second = try await queue.pdf(html: "<p>same</p>")
        XCTAssertEqual(first, second)
        XCTAssertEqual(renderer.printed, 1)
    }

    func testALongQueueAnswers503WithRetryAfterAndTheHTMLStillWorks() async throws {
        try await withApp(clock: AnnualReportWorld.clock()) { app in
            let world = try await AnnualReportWorld.seed(app)
            let token = try await world.signIn(app, role: .analyst, unit: "ROOT")
            let renderer = FakePDFRenderer()
            let queue = PDFQueue(renderer: renderer, maxWaiting: 1, retryAfter: 7)
            app.pdfQueue = queue
            // One printing, one waiting (different units make different documents).
            let printing = Task { try await app.send(.GET, "/api/v1/reports/annual?year=2026&unit=A&format=pdf", token: token) }
            await until(queue, busy: true, waiting: 0)
            let waiting = Task { try await app.send(.GET, "/api/v1/reports/annual?year=2026&unit=B&format=pdf", token: token) }
            await until(queue, busy: true, waiting: 1)

            let refused = try await app.send(.GET, "/api/v1/reports/annual?year=2026&unit=ROOT&format=pdf", token: token)
            XCTAssertEqual(refused.status, .serviceUnavailable)
            XCTAssertEqual(refused.headers.first(name: "Retry-After"), "7")
            XCTAssertNotNil(refused.object["error"] as? String)
            let html = try await app.send(.GET, "/api/v1/reports/annual?year=2026&unit=ROOT", token: token)
            XCTAssertEqual(html.status, .ok, "the HTML does not queue")

            renderer.releaseOne()
            renderer.releaseOne()
            let first = try await printing.value, second = try await waiting.value
            XCTAssertEqual(first.status, .ok)
            XCTAssertEqual(first.headers.contentType?.description, "application/pdf")
            XCTAssertEqual(second.status, .ok)
            XCTAssertEqual(renderer.mostAtOnce, 1)
        }
    }

    func testWithoutChromiumThePDFIs503WithAClearMessage() async throws {
        try await withApp(clock: AnnualReportWorld.clock()) { app in
            let world = try await AnnualReportWorld.seed(app)
            let token = try await world.signIn(app, role: .analyst, unit: "ROOT")
            app.pdfQueue = PDFQueue(renderer: ChromiumPDFRenderer(executable: "/nonexistent/chromium"))
            let response = try await app.send(.GET, "/api/v1/reports/annual?year=2026&format=pdf", token: token)
            XCTAssertEqual(response.status, .serviceUnavailable)
            let message = try XCTUnwrap(response.object["error"] as? String)
            XCTAssertTrue(message.contains("Chromium") && message.contains("KAIKU_CHROMIUM"), message)
            let html = try await app.send(.GET, "/api/v1/reports/annual?year=2026", token: token)
            XCTAssertEqual(html.status, .ok, "the HTML works without Chromium")
        }
    }
}
