import Foundation
import NIOConcurrencyHelpers

/// Progress of long work on standard error, rewritten in place, only when
/// standard error is a terminal: a script or a log gets the result alone.
/// Callers report per batch or per week, never per row, so it costs nothing
/// measurable; reports closer together than a tenth of a second are dropped.
final class CommandProgress: Sendable {
    private let total: Int?
    private let noun: String
    private let verb: String
    private let enabled: Bool
    private let state = NIOLockedValueBox<(shown: Bool, last: Date)>((false, .distantPast))

    init(total: Int?, noun: String, verb: String, enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.total = total
        self.noun = noun
        self.verb = verb
        self.enabled = enabled
    }

    /// `done` of the total so far.
    func report(_ done: Int) {
        show(done, of: total)
    }

    /// For work whose total is known only once it starts, such as a file's rows.
    func report(_ done: Int, of total: Int) {
        show(done, of: total)
    }

    private func show(_ done: Int, of total: Int?) {
        guard enabled else { return }
        let now = Date()
        let due = state.withLockedValue { state -> Bool in
            guard now.timeIntervalSince(state.last) >= 0.1 else { return false }
            state = (true, now)
            return true
        }
        guard due else { return }
        write("\r\u{1B}[K" + text(done, of: total))
    }

    /// Clears the line, so the result that follows starts clean.
    func finish() {
        guard enabled, state.withLockedValue({ $0.shown }) else { return }
        write("\r\u{1B}[K")
    }

    func text(_ done: Int, of total: Int?) -> String {
        guard let total, total > 0 else { return "\(verb) \(done) \(noun)…" }
        return "\(verb) \(done) of \(total) \(noun) (\(min(100, done * 100 / total)) %)…"
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
