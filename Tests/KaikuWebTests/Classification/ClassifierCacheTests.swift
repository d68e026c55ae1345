import Foundation
import KaikuCore
import NIOConcurrencyHelpers
import XCTest
@testable import KaikuWeb

/// The in-memory classifiers: read once, checked against the stored training
/// time at most every few seconds, reloaded only when it changed.
final class ClassifierCacheTests: XCTestCase {
    private final class Store: Sendable {
        let state = NIOLockedValueBox<(trainedAt: Date?, examples: Int, loads: Int, checks: Int)>((nil, 0, 0, 0))

        func load() -> (classifier: FeedbackClassifier, trainedAt: Date?) {
            state.withLockedValue { state in
                state.loads += 1
                let examples = (0..<state.examples).map { _ in LabelledFeedback(text: "jono", language: .fi, themes: ["waiting"], sentiment: .negative) }
                return (FeedbackClassifier.train(on: examples, themes: ["waiting"]), state.trainedAt)
            }
        }

        func trainedAt() -> Date? {
            state.withLockedValue { state in
                state.checks += 1
                return state.trainedAt
            }
        }
    }

    func testAClassifierIsReloadedOnlyAfterItWasRetrainedAndCheckedAtMostEveryInterval() async throws {
        let cache = ClassifierCache(checkInterval: 5)
        let store = Store()
        let organisation = UUID()
        let start = Date(timeIntervalSince1970: 1_780_000_000)
        func get(_ seconds: TimeInterval) async throws -> FeedbackClassifier {
            try await cache.classifier(for: organisation, now: start.addingTimeInterval(seconds),
                                       trainedAt: { store.trainedAt() }, load: { store.load() })
        }

        _ = try await get(0)
        _ = try await get(1)
        _ = try await get(4)
        XCTAssertEqual(store.state.withLockedValue { $0.loads }, 1)
        XCTAssertEqual(store.state.withLockedValue { $0.checks }, 0, "no database work within the interval")

        _ = try await get(6)
        XCTAssertEqual(store.state.withLockedValue { $0.loads }, 1, "unchanged: not loaded again")
        XCTAssertEqual(store.state.withLockedValue { $0.checks }, 1)

        store.state.withLockedValue { $0.trainedAt = start.addingTimeInterval(7); $0.examples = 3 }
        let early = try await get(8)
        let retrained = try await get(12)
        XCTAssertEqual(early.exampleCount, 0, "another instance's retraining is seen at the next check")
        XCTAssertEqual(retrained.exampleCount, 3)
        XCTAssertEqual(store.state.withLockedValue { $0.loads }, 2)

        await cache.invalidate(organisation)
        _ = try await get(13)
        XCTAssertEqual(store.state.withLockedValue { $0.loads }, 3)
    }
}
