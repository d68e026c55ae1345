import Foundation
import KaikuStore

/// A stored answer as staff see it: open text masked, no contact details.
struct ResponseDTO: Content {
    var id: UUID
    var receipt: String
    var target: String
    var unit: String
    var channel: String
    var language: String
    var respondent: String?
    var ageGroup: String?
    var serviceMode: String?
    /// Question id → value; `null` for "cannot say".
    var answers: [String: Int?]
    /// The organisation's own choice (option id) and open (masked text) answers by question id.
    var ownAnswers: [String: String]
    var openText: String?
    var maskedKinds: [String]
    /// Themes of the open text, strongest first, and its sentiment; empty and null without open text.
    var themes: [String]
    var sentiment: String?
    var answeredAt: Date
    var receivedAt: Date
    var wantsAnswer: Bool
    /// Listed in public through Open311 (open text only, masked): once a handler approved it.
    var isPublic: Bool
    /// `none` (no open text), `waiting` for review, `published` or `withdrawn`.
    var review: String
    /// The text as a handler edited it for the public list; null when published as it is.
    var publicText: String?

    enum CodingKeys: String, CodingKey {
        case id, receipt, target, unit, channel, language, respondent, ageGroup, serviceMode, answers, ownAnswers, openText, maskedKinds,
             themes, sentiment, answeredAt, receivedAt, wantsAnswer, review, publicText
        case isPublic = "public"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(receipt, forKey: .receipt)
        try container.encode(target, forKey: .target)
        try container.encode(unit, forKey: .unit)
        try container.encode(channel, forKey: .channel)
        try container.encode(language, forKey: .language)
        try container.encode(respondent, forKey: .respondent)
        try container.encode(ageGroup, forKey: .ageGroup)
        try container.encode(serviceMode, forKey: .serviceMode)
        try container.encode(answers, forKey: .answers)
        try container.encode(ownAnswers, forKey: .ownAnswers)
        try container.encode(openText, forKey: .openText)
        try container.encode(maskedKinds, forKey: .maskedKinds)
        try container.encode(themes, forKey: .themes)
        try container.encode(sentiment, forKey: .sentiment)
        try container.encode(answeredAt, forKey: .answeredAt)
        try container.encode(receivedAt, forKey: .receivedAt)
        try container.encode(wantsAnswer, forKey: .wantsAnswer)
        try container.encode(isPublic, forKey: .isPublic)
        try container.encode(review, forKey: .review)
        try container.encode(publicText, forKey: .publicText)
    }
}

import Vapor
