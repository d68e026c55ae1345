import Crypto
import Foundation

/// One PDF at a time per instance: a browser takes a few hundred megabytes
/// and a core, so requests queue here, and when too many already wait the
/// next one is refused at once (503 with `Retry-After`) instead of piling up.
/// The last few PDFs are kept by their HTML's hash: the same report asked
/// for again (a reload, a colleague opening the same link) is not printed again.
actor PDFQueue {
    let renderer: any PDFRendering
    /// How many may wait behind the one being printed.
    let maxWaiting: Int
    /// The `Retry-After` seconds suggested to a refused request.
    let retryAfter: Int

    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var recent: [(key: Data, pdf: Data)] = []
    static let kept = 4
    static let largestKept = 10 * 1024 * 1024

    init(renderer: any PDFRendering, maxWaiting: Int = 3, retryAfter: Int = 10) {
        self.renderer = renderer
        self.maxWaiting = maxWaiting
        self.retryAfter = retryAfter
    }

    /// Requests printing or waiting now, for tests and diagnostics.
    var load: (busy: Bool, waiting: Int) { (busy, waiting.count) }

    func pdf(html: String) async throws -> Data {
        let key = Data(SHA256.hash(data: Data(html.utf8)))
        if let kept = recent.first(where: { $0.key == key }) { return kept.pdf }
        if let reason = renderer.unavailableReason { throw PDFRenderingError.unavailable(reason) }
        if busy {
            guard waiting.count < maxWaiting else { throw PDFRenderingError.busy(retryAfter: retryAfter) }
            await withCheckedContinuation { waiting.append($0) }
            // Someone ahead in the queue may have printed the same document.
            if let kept = recent.first(where: { $0.key == key }) { next(); return kept.pdf }
        }
        busy = true
        defer { next() }
        let pdf = try await renderer.pdf(html: html)
        if pdf.count <= Self.largestKept {
            recent.removeAll { $0.key == key }
            recent.append((key, pdf))
            if recent.count > Self.kept { recent.removeFirst() }
        }
        return pdf
    }

    /// Hands the turn to the first waiter, or frees the queue.
    private func next() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
