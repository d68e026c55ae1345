import Foundation

/// Turns a self-contained HTML document into a PDF. The live renderer is
/// headless Chromium; tests put a fake behind the same protocol to exercise
/// the queue without starting a browser.
protocol PDFRendering: Sendable {
    /// Nil when the renderer can work; otherwise why not, for the 503's message.
    var unavailableReason: String? { get }
    func pdf(html: String) async throws -> Data
}

enum PDFRenderingError: Error, Equatable {
    /// No browser to print with: the HTML still works.
    case unavailable(String)
    /// Too many PDFs already waiting for this instance.
    case busy(retryAfter: Int)
    case failed(String)
    case timedOut(seconds: Int)
}
