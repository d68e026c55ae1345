import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// One answer of `GET /api/v1/feedback`: open text masked, codes for the
/// target and unit, null (not left out) for what the answer lacks.
struct FeedbackItemDTO: Content, Equatable {
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
    var isPublic: Bool

    enum CodingKeys: String, CodingKey {
        case id, receivedAt, target, unit, channel, language, nps, openText, themes, sentiment, read, flagged
        case isPublic = "public"
    }

    init(_ row: FeedbackFeed.Row, target: String, unit: String, publishing: OpenTextPublishing) {
        id = row.id
        receivedAt = row.receivedAt
        self.target = target
        self.unit = unit
        channel = row.channel
        language = row.language
        nps = row.recommendation
        openText = row.openText
        themes = row.themes
        sentiment = row.sentiment
        read = row.read
        flagged = row.flagged
        isPublic = row.publicState(publishing: publishing) == .published
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(receivedAt, forKey: .receivedAt)
        try container.encode(target, forKey: .target)
        try container.encode(unit, forKey: .unit)
        try container.encode(channel, forKey: .channel)
        try container.encode(language, forKey: .language)
        try container.encode(nps, forKey: .nps)
        try container.encode(openText, forKey: .openText)
        try container.encode(themes, forKey: .themes)
        try container.encode(sentiment, forKey: .sentiment)
        try container.encode(read, forKey: .read)
        try container.encode(flagged, forKey: .flagged)
        try container.encode(isPublic, forKey: .isPublic)
    }
}
