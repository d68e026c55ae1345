import Foundation
import KaikuCore
import Vapor

/// `GET /api/v1/public/{units|targets}/{code}/figures`, for a county's web
/// site. Suppressed figures are written as `null`, never left out, as in
/// the staff summary report, so that "hidden" cannot be read as "absent";
/// a hidden `n` has `nSuppressed` beside it saying why (`belowMinimum`:
/// fewer than `minimumN`; `complementary`: hidden so that a smaller group
/// cannot be worked out), and never a number.
struct PublicFiguresDTO: Content {
    struct Named: Content {
        var code: String
        var name: String
    }

    struct StatementDTO: Content {
        var id: String
        var text: String
        var mean: Double?
        var n: Int?
        var nSuppressed: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(text, forKey: .text)
            // One decimal, as the page shows it: more would only suggest false precision.
            try container.encode(mean.map { ($0 * 10).rounded() / 10 }, forKey: .mean)
            try container.encode(n, forKey: .n)
            try container.encode(nSuppressed, forKey: .nSuppressed)
        }
    }

    struct PeriodDTO: Content {
        var key: String
        var from: String
        var to: String
        var publishedAt: Date
        var n: Int?
        var nSuppressed: String?
        var nps: Int?
        var promoters: Int?
        var passives: Int?
        var detractors: Int?
        var statements: [StatementDTO]

        init(_ period: PublicPeriodFigures) {
            key = period.key.rawValue
            from = period.from.description
            to = period.to.description
            publishedAt = period.publishedAt
            n = period.n
            nSuppressed = period.hidden?.rawValue
            nps = period.nps
            promoters = period.promoters
            passives = period.passives
            detractors = period.detractors
            statements = period.statements.map { StatementDTO(id: $0.id, text: $0.text, mean: $0.mean, n: $0.n, nSuppressed: $0.hidden?.rawValue) }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(key, forKey: .key)
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
            try container.encode(ISO8601DateFormatter().string(from: publishedAt), forKey: .publishedAt)
            try container.encode(n, forKey: .n)
            try container.encode(nSuppressed, forKey: .nSuppressed)
            try container.encode(nps, forKey: .nps)
            try container.encode(promoters, forKey: .promoters)
            try container.encode(passives, forKey: .passives)
            try container.encode(detractors, forKey: .detractors)
            try container.encode(statements, forKey: .statements)
        }
    }

    /// A published "what we did" note; `language` is the text's, Finnish when it has no translation into the one asked for.
    struct NoteDTO: Content {
        var text: String
        var language: String
        var publishedAt: Date

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(text, forKey: .text)
            try container.encode(language, forKey: .language)
            try container.encode(ISO8601DateFormatter().string(from: publishedAt), forKey: .publishedAt)
        }
    }

    var organisation: Named
    var unit: Named
    /// Only for the route by target: the name customers know the place by.
    var target: Named?
    var language: String
    var minimumN: Int
    var periods: [PeriodDTO]
    /// Newest first.
    var notes: [NoteDTO]

    init(_ model: PublicFiguresModel) {
        organisation = Named(code: model.organisationCode, name: model.organisationName)
        unit = Named(code: model.unitCode, name: model.unitName)
        target = model.target.map { Named(code: $0.code, name: $0.name) }
        language = model.language.rawValue
        minimumN = model.minimumN
        periods = model.periods.map(PeriodDTO.init)
        notes = model.notes.map { NoteDTO(text: $0.text, language: $0.language.rawValue, publishedAt: $0.publishedAt) }
    }

    init(from decoder: any Decoder) throws {
        throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "PublicFiguresDTO is only sent"))
    }
}
