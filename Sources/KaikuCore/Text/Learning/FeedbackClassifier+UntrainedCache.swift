import Foundation

/// `FeedbackClassifier.untrained(themes:)` for a theme list other than the defaults trains on
/// the built-in examples (a few tenths of a second): remembered per theme list, since every
/// answer of an organisation nobody has corrected yet would otherwise pay for it again.
final class UntrainedClassifierCache: @unchecked Sendable {
    static let shared = UntrainedClassifierCache()

    /// Organisations rarely change their themes; a bound keeps a misuse from growing without end.
    private static let capacity = 64
    private let lock = NSLock()
    private var classifiers: [[String]: FeedbackClassifier] = [:]

    func classifier(for themes: [String], make: () -> FeedbackClassifier) -> FeedbackClassifier {
        lock.lock()
        if let known = classifiers[themes] { lock.unlock(); return known }
        lock.unlock()
        let made = make()
        lock.lock()
        if classifiers.count >= Self.capacity { classifiers.removeAll() }
        classifiers[themes] = made
        lock.unlock()
        return made
    }
}
