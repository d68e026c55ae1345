import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// Answers with open text for the feed's tests, a minute apart so that
/// "newest first" is certain, with the themes and sentiment set by hand:
/// what the classifier would say is not what these tests are about.
struct FeedFixture {
    let app: Application
    let clock: TestClock

    @discardableResult
    func answer(_ text: String, target: String = "t-a1", nps: Int? = 8, channel: String = "web", language: String = "fi",
                themes: [String] = [], sentiment: Sentiment = .neutral) async throws -> UUID {
        clock.advance(by: 60)
        let id = try await TestWorld.submit(app, target: target, nps: nps, channel: channel, language: language, extra: ["openText": text]).id
        let found = try await FeedbackResponse.find(id, on: app.db)
        let response = try XCTUnwrap(found)
        response.themes = ResponseInsert.themesText(themes)
        response.sentiment = sentiment.rawValue
        try await response.save(on: app.db)
        return id
    }

    /// The ids `GET /api/v1/feedback` gives for a query, in order.
    func ids(_ query: String, token: String, file: StaticString = #filePath, line: UInt = #line) async throws -> [UUID] {
        let response = try await app.send(.GET, "/api/v1/feedback" + (query.isEmpty ? "" : "?" + query), token: token)
        XCTAssertEqual(response.status, .ok, "\(query): \(response.text)", file: file, line: line)
        return try response.json([FeedbackItem].self).map(\.id)
    }

    /// The API's item as a client reads it.
    struct FeedbackItem: Decodable {
        var id: UUID
        var receivedAt: Date
        var target: String
        var unit: String
        var channel: String
        var language: String
        var nps: Int?
        var openText: String
        var themes: [String]
        var sentiment: String?
        var read: Bool
        var flagged: Bool
        var `public`: Bool
    }
}
