import Foundation
import NIOConcurrencyHelpers
@testable import KaikuWeb

/// A renderer that holds every PDF until the test lets it go, and counts how
/// many it was asked to print at once.
final class FakePDFRenderer: PDFRendering, Sendable {
    private struct State {
        var running = 0
        var mostAtOnce = 0
        var printed = 0
        var held: [CheckedContinuation<Void, Never>] = []
        var releasedEarly = 0
    }

    private let state = NIOLockedValueBox(State())
    let holds: Bool

    init(holds: Bool = true) { self.holds = holds }

    var unavailableReason: String? { nil }
    var mostAtOnce: Int { state.withLockedValue { $0.mostAtOnce } }
    var printed: Int { state.withLockedValue { $0.printed } }
    var holding: Int { state.withLockedValue { $0.held.count } }

    func pdf(html: String) async throws -> Data {
        state.withLockedValue { $0.running += 1; $0.mostAtOnce = max($0.mostAtOnce, $0.running) }
        if holds {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLockedValue { state -> Bool in
                    if state.releasedEarly > 0 { state.releasedEarly -= 1; return true }
                    state.held.append(continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        }
        state.withLockedValue { $0.running -= 1; $0.printed += 1 }
        return Data("%PDF-1.7 fake \(html.count)".utf8)
    }

    /// Lets the oldest held PDF finish (or the next one, if none is held yet).
    func releaseOne() {
        let continuation = state.withLockedValue { state -> CheckedContinuation<Void, Never>? in
            if state.held.isEmpty { state.releasedEarly += 1; return nil }
            return state.held.removeFirst()
        }
        continuation?.resume()
    }
}
