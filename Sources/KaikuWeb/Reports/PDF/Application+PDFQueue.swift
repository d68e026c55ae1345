import Foundation
import Vapor

extension Application {
    private struct PDFQueueKey: StorageKey {
        typealias Value = PDFQueue
    }

    /// The instance's one PDF queue, made by `configure` (Chromium at
    /// `KAIKU_CHROMIUM`, or /usr/bin/chromium); tests put a fake renderer in it.
    var pdfQueue: PDFQueue {
        get {
            guard let queue = storage[PDFQueueKey.self] else { fatalError("configure(_:) has not run") }
            return queue
        }
        set { storage[PDFQueueKey.self] = newValue }
    }
}
